import type { Principal } from '../core/access.js';
import type { ExecutionTrigger } from '../core/runbook-api.js';

/** A runbook started by the caller: who, as the audit trail shows them, and which user (four eyes compare users). */
export function manualTrigger(principal: Principal): ExecutionTrigger {
  return { kind: 'manual', by: principal.actor, ...(principal.userId !== undefined ? { userId: principal.userId } : {}) };
}
