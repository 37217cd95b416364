import { formatAbsolute } from '../format.js';
import type { TimelineEntry } from '../types.js';
import { Notice } from './notice.js';

export function TimelineList({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <Notice kind="empty" title="Nothing on the timeline yet" />;
  // Oldest first: a timeline is read as a story, the opposite of the incident list.
  const sorted = [...entries].sort((a, b) => a.timeMs - b.timeMs);
  return (
    <ol className="timeline">
      {sorted.map((entry, index) => (
        <li key={`${entry.timeMs}-${index}`} className={`timeline-entry kind-${entry.kind}`}>
          <span className="timeline-time mono">{formatAbsolute(entry.timeMs)}</span>
          <span className="chip">{entry.kind.replaceAll('_', ' ')}</span>
          <span className="timeline-message">
            {entry.message}
            {entry.by ? <span className="muted"> — {entry.by}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
