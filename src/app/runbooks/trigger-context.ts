/**
 * What a runbook trigger sees of an incident, read from the store: its alerts, and the changes
 * recorded around its start — over the span RCA calls "just before" (rank-causes.ts), so a
 * trigger's "a deploy of the root-cause service just before" agrees with the ranking's. Changes
 * after that (say, a rollback a runbook did) are the response, not a cause.
 */
import { CHANGE_LOOKBACK_MS, ONSET_TOLERANCE_MS } from '../../act/rca/rank-causes.js';
import type { TriggerContext } from '../../act/runbooks/runbook-triggers.js';
import type { Incident } from '../../core/records.js';
import type { Store } from '../../store/store.js';

export function triggerContext(store: Store, incident: Incident): TriggerContext {
  const alerts = incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []);
  const changes = store.changes.list({ range: { fromMs: incident.startedMs - CHANGE_LOOKBACK_MS, toMs: incident.startedMs + ONSET_TOLERANCE_MS } });
  return { incident, alerts, changes };
}
