/**
 * An incident's neighbourhood on the service map, over the incident's window: its services
 * emphasised and its top cause selected, so the ranked causes read against the call graph they
 * came from. A node opens the full map's drill-down for that service.
 */
import { getServiceGraph } from '../api.js';
import type { TimeWindow } from '../explorer-query.js';
import { MAP_POLL_MS, mapHref } from '../map-query.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { ServiceMapCanvas } from './service-map-canvas.js';
import { ServiceMapLegend } from './service-map-legend.js';

interface Props {
  services: readonly string[];
  topCause: string | undefined;
  window: TimeWindow;
}

export function IncidentMap({ services, topCause, window: span }: Props) {
  const poll = usePoll(`incident-map:${span.fromMs}:${span.toMs}`, (signal) => getServiceGraph(span, signal), { intervalMs: MAP_POLL_MS });
  const graph = poll.data;
  const open = (service: string) => {
    window.location.hash = mapHref({ highlight: services, range: { kind: 'fixed', ...span }, service });
  };
  return (
    <div className="panel map-panel" data-testid="incident-map">
      <h2>
        Service map <span className="muted">· its services outlined{topCause ? `, ${topCause} selected` : ''}</span>
      </h2>
      {poll.error ? <Notice kind="error" title="Could not load the service map">{poll.error.message}</Notice> : null}
      {graph && graph.nodes.length === 0 ? <Notice kind="empty" title="No spans in this window">The map is drawn from traces.</Notice> : null}
      {graph && graph.nodes.length > 0 ? (
        <>
          <ServiceMapCanvas
            nodes={graph.nodes}
            edges={graph.edges}
            highlight={services}
            selected={topCause}
            onSelect={open}
            label={`Service map of this incident's window: ${services.join(', ')} outlined; the full map's tables list every node and edge`}
          />
          <ServiceMapLegend />
        </>
      ) : null}
    </div>
  );
}
