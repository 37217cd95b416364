/**
 * The `verify` step's I/O: checks that the symptom cleared, polling until the condition holds
 * or `withinSeconds` passes — the incident's alerts resolved (all of them, or those about the
 * service the fix acted on, and for `forSeconds` on end), a metric below or above a bound over
 * its latest `forSeconds` of data, or no log line matching a query for `absentForSeconds`. A
 * condition that never holds fails the step with what was last seen.
 *
 * Alerts about the service, not all of the incident's: an incident gathers alerts of other
 * troubles while it is open, and a fix that ended its fault would fail on them. Its callers'
 * alerts on their calls to it count as its own — a crashed or slowed service is often seen only
 * from there. Holding for `forSeconds` is what tells a fix from a symptom that fades for a
 * moment (a log-template alert resolves between bursts). A hold starts at a check that sees the
 * condition, within `withinSeconds`, and starts again when a check does not (as an alert
 * rule's `for` does); it is over on either clock, as `withinSeconds` is.
 *
 * `withinSeconds` runs out on whichever clock passes it first: the wall clock, so a check never
 * waits longer than it says even when telemetry stops, or event time (how far telemetry has
 * got), so that telemetry replayed or simulated faster than real time (the demo at --speed)
 * gets the same span of its own time to show the symptom cleared — and a fault that ends by
 * itself a while later does not pass for a fix. Live, the two clocks agree.
 */
import type { RunClock } from '../../act/runbooks/run-steps.js';
import type { Alert } from '../../core/records.js';
import type { RunbookStep } from '../../core/runbook.js';
import { PEER_LABEL } from '../../observe/traces/derived-series.js';
import type { Store } from '../../store/store.js';

type VerifyStep = Extract<RunbookStep, { type: 'verify' }>;
type Observation = { holds: boolean; seen: string };

export interface VerifyOptions {
  store: Store;
  clock: RunClock;
  /** Wall clock between checks. @default 5000 */
  pollMs?: number;
  /** Event time, epoch ms: the newest telemetry seen; not finite before any. @default wall clock only */
  eventNow?: () => number;
}

export function verifyStepRunner(options: VerifyOptions) {
  const pollMs = options.pollMs ?? 5_000;
  return async (step: VerifyStep, incidentId: string | undefined, signal: AbortSignal): Promise<Record<string, unknown>> => {
    const { clock } = options;
    const startMs = clock.now();
    const withinMs = step.withinSeconds * 1000;
    const eventElapsed = eventClock(options.eventNow);
    const holdMs = holdSeconds(step) * 1000;
    let holding: { wallMs: number; eventMs: number } | undefined;
    let relapses = 0;
    for (let checks = 1; ; checks++) {
      const observation = observe(options.store, step, incidentId, clock.now());
      if (observation.holds) {
        holding ??= { wallMs: clock.now(), eventMs: eventElapsed() };
        const heldMs = Math.max(clock.now() - holding.wallMs, eventElapsed() - holding.eventMs);
        if (heldMs >= holdMs) return { verified: true, checks, afterSeconds: (clock.now() - startMs) / 1000, seen: observation.seen };
        await clock.sleep(Math.min(pollMs, holdMs - (clock.now() - holding.wallMs)), signal);
        continue;
      }
      if (holding !== undefined) relapses += 1;
      holding = undefined;
      const brokeHold = relapses > 0 ? ` (it held, but not for ${holdMs / 1000} s: ${relapses} relapse${relapses === 1 ? '' : 's'})` : '';
      const left = withinMs - (clock.now() - startMs);
      if (left <= 0 || eventElapsed() >= withinMs) throw new Error(`the condition did not hold within ${step.withinSeconds} s${brokeHold} (${checks} check${checks === 1 ? '' : 's'}): ${observation.seen}`);
      await clock.sleep(Math.min(pollMs, left), signal);
    }
  };
}

function holdSeconds(step: VerifyStep): number {
  const { condition } = step;
  return 'alertsResolved' in condition && condition.alertsResolved !== true ? (condition.alertsResolved.forSeconds ?? 0) : 0;
}

/** Event time elapsed since the call; 0 while there is no telemetry to tell it. */
function eventClock(eventNow: (() => number) | undefined): () => number {
  if (eventNow === undefined) return () => 0;
  let startMs = eventNow();
  return () => {
    const nowMs = eventNow();
    if (!Number.isFinite(nowMs)) return 0;
    if (!Number.isFinite(startMs)) startMs = nowMs;
    return nowMs - startMs;
  };
}

function observe(store: Store, step: VerifyStep, incidentId: string | undefined, nowMs: number): Observation {
  const { condition } = step;
  if ('alertsResolved' in condition) return alertsResolved(store, incidentId, condition.alertsResolved === true ? undefined : condition.alertsResolved.service);
  if ('metric' in condition) return metricHolds(store, condition.metric);
  return logsAbsent(store, condition.logs, nowMs);
}

function alertsResolved(store: Store, incidentId: string | undefined, service: string | undefined): Observation {
  if (incidentId === undefined) throw new Error('alertsResolved needs an incident: start the execution for one');
  const incident = store.incidents.get(incidentId);
  if (incident === undefined) throw new Error(`incident ${incidentId} no longer exists`);
  const alerts = incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []);
  const about = service === undefined ? [] : alerts.filter((alert) => alert.service === service || alert.labels[PEER_LABEL] === service);
  const checked = about.length > 0 ? about : alerts;
  const which = about.length > 0 ? `alert(s) about ${service} in ${incidentId}` : `alert(s) of ${incidentId}${service !== undefined ? ` (none is about ${service})` : ''}`;
  const firing = checked.filter((alert) => alert.status !== 'resolved');
  return firing.length === 0
    ? { holds: true, seen: `all ${checked.length} ${which} resolved` }
    : { holds: false, seen: `${firing.length} of ${checked.length} ${which} still firing: ${firing.slice(0, 5).map(describeAlert).join(', ')}` };
}

function describeAlert(alert: Alert): string {
  return alert.service !== undefined ? `${alert.name} (${alert.service})` : alert.name;
}

function metricHolds(store: Store, metric: { name: string; service?: string | undefined; below?: number | undefined; above?: number | undefined; forSeconds: number }): Observation {
  const series = store.telemetry.listSeries(metric.service !== undefined ? { service: metric.service } : {}).filter((info) => info.name === metric.name);
  const where = `${metric.name}${metric.service !== undefined ? ` of ${metric.service}` : ''}`;
  if (series.length === 0) return { holds: false, seen: `no series ${where} yet` };
  // "Latest data" is event time: the newest point of any matching series ends the window.
  const toMs = Math.max(...series.map((info) => info.lastMs));
  const fromMs = toMs - metric.forSeconds * 1000;
  const values = series.flatMap((info) => store.telemetry.seriesPoints(info.key, { fromMs, toMs: toMs + 1 }).map((point) => point.value));
  if (values.length === 0) return { holds: false, seen: `no points of ${where} in the last ${metric.forSeconds} s of data` };
  const bound = metric.below ?? metric.above ?? 0;
  const fits = (value: number) => (metric.below !== undefined ? value < metric.below : value > bound);
  const worst = metric.below !== undefined ? Math.max(...values) : Math.min(...values);
  const relation = metric.below !== undefined ? 'below' : 'above';
  return { holds: values.every(fits), seen: `${where}: worst of ${values.length} point(s) over ${metric.forSeconds} s is ${round(worst)} (wanted ${relation} ${bound})` };
}

function logsAbsent(store: Store, logs: { query: string; service?: string | undefined; absentForSeconds: number }, nowMs: number): Observation {
  const page = store.logs.search({ text: logs.query, ...(logs.service !== undefined ? { service: logs.service } : {}), fromMs: nowMs - logs.absentForSeconds * 1000, toMs: nowMs + 1, limit: 1 });
  const hit = page.logs[0];
  return hit === undefined
    ? { holds: true, seen: `no log matched "${logs.query}" in the last ${logs.absentForSeconds} s` }
    : { holds: false, seen: `a log matched "${logs.query}" at ${new Date(hit.timeMs).toISOString()}: ${hit.body.slice(0, 200)}` };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
