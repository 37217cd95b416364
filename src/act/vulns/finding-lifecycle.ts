/**
 * The status changes people make (docs/findings.md "Lifecycle"). Fixed is never set by hand:
 * only a scan that no longer reports a finding verifies it, and only a scan reopens it.
 */
import type { FindingPatchBody, FindingStatus } from '../../core/findings-api.js';

const ALLOWED_FROM: Readonly<Record<FindingPatchBody['status'], readonly FindingStatus[]>> = {
  triaged: ['open'],
  in_remediation: ['open', 'triaged'],
  risk_accepted: ['open', 'triaged', 'in_remediation'],
  open: ['triaged', 'in_remediation', 'risk_accepted', 'suppressed'],
};

/** Why the change is refused, or undefined when it is allowed. */
export function refusedTransition(from: FindingStatus, to: FindingPatchBody['status']): string | undefined {
  if (ALLOWED_FROM[to].includes(from)) return undefined;
  if (from === to) return `the finding is already ${to}`;
  if (from === 'fixed') return 'a fixed finding reopens only when a scan reports it again';
  return `cannot move a finding from ${from} to ${to}; ${to} is reached from ${ALLOWED_FROM[to].join(', ')}`;
}
