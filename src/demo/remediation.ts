/**
 * What the demo's remediation actions do to its faults (docs/runbooks.md "Demo"). One table,
 * so the simulation, its tests and the shipped runbooks agree on which fix fits which fault —
 * and an action that does not fit does nothing to the fault, so a wrong runbook cannot verify.
 * Pure.
 *
 * - restart: a fresh process has no crash, no leaked memory, and (for a pod) a new network
 *   interface without the faulty queueing discipline. Error bursts come from bad entries in
 *   the service's shared cache: a restart drops the in-process copies, so errors stop only
 *   until the new processes have read the bad entries again (RESTART_RELIEF_MS).
 * - rollback: back to the release before the running one: ends a bad deploy and wrong answers
 *   (a regression of the running release).
 * - scale: more pods share the load: ends CPU saturation and latency from contention.
 * - clear-cache: flushes the service's shared cache, with its bad entries: ends error bursts.
 */
import type { Fault, FaultKind, RemediationAction } from '../core/api.js';

export type RemediationEffect = 'ended' | 'relieved' | 'none';

/** How long a restart stops an error burst before the restarted processes re-read the bad cache entries. */
export const RESTART_RELIEF_MS = 60_000;

const CURES: Record<RemediationAction, Partial<Record<FaultKind, Exclude<RemediationEffect, 'none'>>>> = {
  restart: { crash: 'ended', memory_leak: 'ended', network_delay: 'ended', error_burst: 'relieved' },
  rollback: { bad_deploy: 'ended', wrong_response: 'ended' },
  scale: { cpu_saturation: 'ended', latency: 'ended' },
  'clear-cache': { error_burst: 'ended' },
};

/**
 * What `action` does to `fault`. A restart of one pod reaches only a fault on that pod: the
 * service's other pods keep a service-wide fault going.
 */
export function remediationEffect(action: RemediationAction, fault: Fault, pod?: string): RemediationEffect {
  if (action === 'restart' && pod !== undefined && fault.instance !== pod) return 'none';
  return CURES[action][fault.kind] ?? 'none';
}

/** The actions that end faults of this kind early. */
export function actionsEnding(kind: FaultKind): RemediationAction[] {
  return (Object.keys(CURES) as RemediationAction[]).filter((action) => CURES[action][kind] === 'ended');
}

/** A remediation named a service or pod the shop does not have. */
export class UnknownRemediationTarget extends Error {
  override readonly name = 'UnknownRemediationTarget';
}
