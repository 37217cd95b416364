/**
 * The escalation state machine. An incident that matched a rule with a policy starts at level
 * 0, whose targets are paged at once; each level waits `escalateAfterMinutes` for an
 * acknowledgement before the next level is paged. After the last level the policy runs again
 * from level 0, `repeat` times, then stops as exhausted. Acknowledging or resolving stops it.
 * Pure: time is passed in, and the state is a plain record the store keeps, so a restart
 * resumes where it was (levels that fell due while down are paged on the first tick).
 */
import type { EscalationPolicy, EscalationState, EscalationTarget } from '../../core/notify-api.js';

export interface Page {
  level: number;
  round: number;
  targets: EscalationTarget[];
}

export interface EscalationStep {
  state: EscalationState;
  pages: Page[];
}

const MINUTE_MS = 60_000;

export function startEscalation(policy: EscalationPolicy, incidentId: string, nowMs: number): EscalationStep {
  const first = levelAt(policy, 0);
  return {
    state: {
      incidentId,
      policyId: policy.id,
      level: 0,
      round: 0,
      startedMs: nowMs,
      nextAtMs: nowMs + first.escalateAfterMinutes * MINUTE_MS,
      status: 'active',
    },
    pages: [{ level: 0, round: 0, targets: first.targets }],
  };
}

/** Pages every level whose time has come by `nowMs`, in order. */
export function advanceEscalation(policy: EscalationPolicy, state: EscalationState, nowMs: number): EscalationStep {
  if (state.status !== 'active') return { state, pages: [] };
  const pages: Page[] = [];
  let next = { ...state };
  while (next.status === 'active' && next.nextAtMs <= nowMs) {
    let level = next.level + 1;
    let round = next.round;
    if (level >= policy.levels.length) {
      if (round >= policy.repeat) {
        next = { ...next, status: 'exhausted' };
        break;
      }
      level = 0;
      round += 1;
    }
    const current = levelAt(policy, level);
    pages.push({ level, round, targets: current.targets });
    // Measured from when this level was due, not from now, so a late tick does not stretch the policy.
    next = { ...next, level, round, nextAtMs: next.nextAtMs + current.escalateAfterMinutes * MINUTE_MS };
  }
  return { state: next, pages };
}

export function stopEscalation(state: EscalationState): EscalationState {
  return state.status === 'active' ? { ...state, status: 'stopped' } : state;
}

function levelAt(policy: EscalationPolicy, index: number): EscalationPolicy['levels'][number] {
  const level = policy.levels[index];
  if (!level) throw new RangeError(`escalation policy ${policy.id} has no level ${index}`);
  return level;
}
