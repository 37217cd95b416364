import { listDemoFaults } from '../api.js';
import { formatAbsolute } from '../format.js';
import type { Cause } from '../types.js';
import { usePoll } from '../use-poll.js';

const FAULT_SLACK_MS = 2 * 60_000;

/**
 * The demo's ground truth next to the ranking, so anyone watching the demo can judge the
 * root-cause answer. Renders nothing when no demo runs (the API answers 404).
 */
export function DemoFaults({ startMs, endMs, causes }: { startMs: number; endMs: number; causes: readonly Cause[] }) {
  const poll = usePoll('demo-faults', (signal) => listDemoFaults(signal));
  // Only faults live while the incident was: earlier faults in the chart's window are other
  // incidents' answers. The slack covers detection lag between a fault and its first alert.
  const overlapping = (poll.data ?? []).filter((fault) => fault.start <= endMs && fault.end >= startMs - FAULT_SLACK_MS);
  if (overlapping.length === 0) return null;
  const top = causes[0]?.service;
  return (
    <div className="panel demo-faults">
      <h2>Demo ground truth</h2>
      <ul>
        {overlapping.map((fault) => (
          <li key={fault.id}>
            Injected <span className="chip">{fault.kind.replace('_', ' ')}</span> on <strong>{fault.service}</strong>{' '}
            <span className="muted">
              {formatAbsolute(fault.start)} – {formatAbsolute(fault.end)}
            </span>{' '}
            {fault.remediatedAt !== undefined ? (
              <span className="verdict ok" data-testid="fault-remediated">
                ended early by {fault.remediation} at {formatAbsolute(fault.remediatedAt)}
              </span>
            ) : null}{' '}
            {top === undefined ? null : top === fault.service ? (
              <span className="verdict ok">top cause matches</span>
            ) : (
              <span className="verdict miss">top cause is {top}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
