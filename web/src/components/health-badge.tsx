import type { NodeHealthView } from '../map-format.js';

/** A node's health as a coloured word, its reasons in the tooltip. */
export function HealthBadge({ health }: { health: NodeHealthView }) {
  return (
    <span className={`badge health-${health.state}`} title={health.reasons.join('\n') || 'no firing alert, no open incident'}>
      {health.state}
    </span>
  );
}
