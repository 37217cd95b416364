/**
 * Recomputes an incident's ranked causes, stores them, retitles the incident after its top
 * cause, and notes on the timeline when the top cause changes. The evidence is the incident's
 * alerts plus what its spans and error logs show over the incident's span of time (what makes
 * a wrong answer or a pod's own network visible, which no single alert names), limited to the
 * services near its alerts so that an incident running at the same time elsewhere does not
 * leak in. The ranking itself is the pure act/rca module, the same as for any window.
 */
import { rankSymptoms } from '../act/rca/rank-causes.js';
import { symptomOfAlert, type Symptom } from '../act/rca/symptom.js';
import type { Alert } from '../core/records.js';
import type { ServiceGraph } from '../core/service-graph.js';
import { PEER_LABEL } from '../observe/traces/derived-series.js';
import type { Store } from '../store/store.js';
import { logEvidence, spanEvidence } from './window-rca.js';

/** Changes this long before an incident (and after its last alert) count as its possible causes. */
export const CHANGE_WINDOW_MS = 30 * 60_000;
/** Spans and logs from this long before the first alert: detection lags the onset by a bucket or two. */
const LEAD_MS = 60_000;
/** Services this many calls away from an alert's service are the incident's neighbourhood. */
const NEAR_HOPS = 2;

export function applyRca(store: Store, graph: ServiceGraph, incidentId: string): void {
  // Reads first, outside the write transaction: the span and log queries take tens of
  // milliseconds, and ingest must not wait on them. Nothing interleaves (one synchronous call).
  const incident = store.incidents.get(incidentId);
  if (!incident) return;
  const alerts = store.alerts.list({ incidentId });
  const changes = store.changes.list({
    range: { fromMs: incident.startedMs - CHANGE_WINDOW_MS, toMs: incident.updatedMs + CHANGE_WINDOW_MS },
  });
  const lastSeenMs = Math.max(incident.startedMs, ...alerts.map((a) => a.lastSeenMs));
  const range = { fromMs: incident.startedMs - LEAD_MS, toMs: lastSeenMs };
  const near = nearby(alerts, graph);
  const traced = [...spanEvidence(store, range), ...logEvidence(store, range)].filter((s) => concerns(s, near));
  const causes = rankSymptoms({ symptoms: [...alerts.map(symptomOfAlert), ...traced], graph, changes });
  const top = causes[0];
  const previousTop = incident.causes[0];
  // A title a person gave is theirs to keep.
  const title = top && incident.titleSetBy === undefined ? `${top.service}: ${top.indicator}` : incident.title;
  store.transaction(() => {
    store.incidents.save({ ...incident, causes, title });
    if (top && (previousTop?.service !== top.service || previousTop.indicator !== top.indicator)) {
      store.incidents.appendTimeline({
        incidentId,
        timeMs: lastSeenMs,
        kind: 'rca',
        message: `likely root cause: ${top.service} (${top.indicator}, score ${top.score.toFixed(2)}) — ${top.evidence}`,
      });
    }
  });
}

/** The services an incident's alerts name, and those within NEAR_HOPS calls of them. */
function nearby(alerts: readonly Alert[], graph: ServiceGraph): (service: string | undefined) => boolean {
  const named = new Set(alerts.flatMap((a) => [a.service, a.labels[PEER_LABEL]]).filter((s): s is string => s !== undefined));
  const verdicts = new Map<string, boolean>();
  return (service) => {
    if (service === undefined) return false;
    let near = verdicts.get(service);
    if (near === undefined) {
      near = [...named].some((other) => graph.distance(service, other, NEAR_HOPS) !== undefined);
      verdicts.set(service, near);
    }
    return near;
  };
}

function concerns(symptom: Symptom, near: (service: string | undefined) => boolean): boolean {
  return near(symptom.service) || near(symptom.peer);
}
