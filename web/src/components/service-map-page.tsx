/**
 * #/map: the service map of a window — services, databases and queues coloured by health, call
 * edges labelled with rate and p95 — with a drill-down for the chosen node and the same graph
 * as tables. `highlight` (an incident's services) emphasises nodes; the URL keeps all of it.
 */
import { useCallback } from 'react';
import { getServiceGraph } from '../api.js';
import { rangeId, resolveRange, type ExplorerRange } from '../explorer-query.js';
import { MAP_POLL_MS, mapHref, type MapQuery } from '../map-query.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { RangePicker } from './range-picker.js';
import { ServiceDrilldown } from './service-drilldown.js';
import { ServiceMapCanvas } from './service-map-canvas.js';
import { ServiceMapLegend } from './service-map-legend.js';
import { ServiceMapTable } from './service-map-table.js';

export function ServiceMapPage({ query }: { query: MapQuery }) {
  const windowOf = useCallback(() => resolveRange(query.range, Date.now()), [query.range]);
  const poll = usePoll(`map:${rangeId(query.range)}`, (signal) => getServiceGraph(windowOf(), signal), { intervalMs: MAP_POLL_MS });
  const go = (changes: Partial<MapQuery>) => {
    window.location.hash = mapHref({ ...query, ...changes });
  };
  const select = (service: string) => go({ service });
  const graph = poll.data;
  const missing = query.highlight.filter((name) => graph && !graph.nodes.some((node) => node.name === name));

  return (
    <section>
      <div className="page-head">
        <h1>Service map</h1>
        {graph ? <span className="muted">{graph.nodes.length} nodes · {graph.edges.length} edges · {graph.spans.toLocaleString()} spans</span> : null}
        <RangePicker range={query.range} hrefFor={(range: ExplorerRange) => mapHref({ ...query, range })} />
        {query.highlight.length > 0 ? (
          <a href={mapHref({ range: query.range, ...(query.service ? { service: query.service } : {}) })} className="small">
            Clear highlight ({query.highlight.join(', ')})
          </a>
        ) : null}
      </div>
      {poll.error ? <Notice kind="error" title="Could not load the service map">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading the service map…" /> : null}
      {graph?.truncated ? <Notice kind="empty" title="Busy window">It held more spans than one answer reads; the map covers its newest {graph.spans.toLocaleString()}.</Notice> : null}
      {missing.length > 0 ? <p className="muted small">Not in this window: {missing.join(', ')}.</p> : null}
      {graph && graph.nodes.length === 0 ? (
        <Notice kind="empty" title="No spans in this window">The map is drawn from traces: send spans to the OTLP endpoint, or pick a longer range.</Notice>
      ) : null}
      {graph && graph.nodes.length > 0 ? (
        <>
          <div className={query.service ? 'map-layout map-layout-detail' : 'map-layout'}>
            <div className="panel map-panel">
              <ServiceMapCanvas nodes={graph.nodes} edges={graph.edges} highlight={query.highlight} selected={query.service} onSelect={select} />
              <ServiceMapLegend />
            </div>
            {query.service ? (
              <ServiceDrilldown key={query.service} service={query.service} range={query.range} windowOf={windowOf} onSelect={select} onClose={() => go({ service: undefined })} />
            ) : null}
          </div>
          <ServiceMapTable nodes={graph.nodes} edges={graph.edges} highlight={query.highlight} selected={query.service} onSelect={select} />
        </>
      ) : null}
    </section>
  );
}
