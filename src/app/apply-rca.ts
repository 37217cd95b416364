/**
 * Recomputes an incident's ranked causes from its alerts, the service graph and recent
 * changes, stores them, retitles the incident after its top cause, and notes on the timeline
 * when the top cause changes. The ranking itself is the pure act/rca module.
 */
import { rankCauses } from '../act/rca/rank-causes.js';
import type { ServiceGraph } from '../core/service-graph.js';
import type { Store } from '../store/store.js';

const CHANGE_WINDOW_MS = 30 * 60_000;

export function applyRca(store: Store, graph: ServiceGraph, incidentId: string): void {
  store.transaction(() => {
    const incident = store.incidents.get(incidentId);
    if (!incident) return;
    const alerts = store.alerts.list({ incidentId });
    const changes = store.changes.list({
      range: { fromMs: incident.startedMs - CHANGE_WINDOW_MS, toMs: incident.updatedMs + CHANGE_WINDOW_MS },
    });
    const causes = rankCauses({ alerts, graph, changes });
    const top = causes[0];
    const previousTop = incident.causes[0];
    const title = top ? `${top.service}: ${top.indicator}` : incident.title;
    store.incidents.save({ ...incident, causes, title });
    if (top && (previousTop?.service !== top.service || previousTop.indicator !== top.indicator)) {
      const timeMs = Math.max(...alerts.map((a) => a.lastSeenMs), incident.startedMs);
      store.incidents.appendTimeline({
        incidentId,
        timeMs,
        kind: 'rca',
        message: `likely root cause: ${top.service} (${top.indicator}, score ${top.score.toFixed(2)}) — ${top.evidence}`,
      });
    }
  });
}
