import type { Execution, StepRecordView } from '../runbooks-api.js';

type Status = Execution['status'] | StepRecordView['status'];

const TONE: Record<Status, string> = {
  queued: 'pending',
  awaiting_approval: 'pending',
  running: 'pending',
  succeeded: 'ok',
  skipped: 'muted',
  failed: 'bad',
  timed_out: 'bad',
  cancelled: 'muted',
  rejected: 'muted',
  expired: 'muted',
};

/** One look for execution and step statuses. */
export function ExecutionStatusBadge({ status }: { status: Status }) {
  return (
    <span className={`badge run-${TONE[status]}`} data-testid="execution-status">
      {status.replace('_', ' ')}
    </span>
  );
}
