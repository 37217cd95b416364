import type { IncidentStatus } from '../types.js';

export function StatusBadge({ status, testId }: { status: IncidentStatus | 'firing' | 'resolved'; testId?: string }) {
  return (
    <span className={`badge status-${status}`} data-testid={testId}>
      {status}
    </span>
  );
}
