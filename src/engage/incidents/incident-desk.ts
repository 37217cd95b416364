/**
 * The engage stage: signals become alerts, alerts are correlated into incidents, incidents
 * move through their lifecycle, and every step lands on the incident's timeline. State lives
 * in the store, so a restart picks up where it left off; the correlator keeps an in-memory
 * profile of each open incident (rebuilt from the store at start, written through), so
 * placing an alert reads no incident list. Decisions are made by the pure modules
 * (engage/alerts, engage/correlate, engage/incidents/lifecycle); this class applies them.
 * What people do to incidents is incident-actions.ts; it tells the desk through `noteIncident`.
 */
import { newId } from '../../core/ids.js';
import { OpsError } from '../../core/errors.js';
import type { CorrelationRule } from '../../core/config.js';
import type { Alert, Change, Correlation, Incident, Severity, Signal, TimelineEntry } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';
import type { Store } from '../../store/store.js';
import { AlertIds } from '../alerts/alert-ids.js';
import { foldSignal, type FoldOptions } from '../alerts/fold-signals.js';
import { Correlator } from '../correlate/correlator.js';
import { mergeExamples, splitExamples } from '../correlate/feedback-examples.js';
import { GroupingModel } from '../correlate/grouping-model.js';
import { GroupingRules } from '../correlate/grouping-rules.js';
import { loadGroupingModel, saveGroupingModel } from './grouping-model-state.js';
import { reopenForAlert } from './incident-actions.js';
import { transition } from './lifecycle.js';

export interface IncidentDeskOptions {
  store: Store;
  graph: () => ServiceGraph;
  windowMs: number;
  maxDistance: number;
  quietMs: number;
  /** Least grouping score to join (config correlation.threshold). @default 0.5 */
  threshold?: number;
  volatileLabels?: readonly string[];
  rules?: readonly CorrelationRule[];
  /** Flapping and silences (engage/alerts): a `held` alert is stored but joins no incident. */
  alerts?: FoldOptions;
}

const OPEN: Incident['status'][] = ['triggered', 'acknowledged'];
const AUTO_RESOLUTION = 'all alerts cleared';
const SEVERITY_ORDER: Severity[] = ['info', 'warning', 'error', 'critical'];

export class IncidentDesk {
  private readonly correlator: Correlator;
  /**
   * The firing alert of each fingerprint, written through: deduplication reads no store.
   * Only a firing alert folds a signal (a resolved one starts a new episode), so fingerprints
   * missing here need no lookup either.
   */
  private readonly firing = new Map<string, Alert>();
  private readonly alertIds = new AlertIds();

  constructor(private readonly options: IncidentDeskOptions) {
    const { store } = options;
    this.correlator = new Correlator({
      windowMs: options.windowMs,
      maxDistance: options.maxDistance,
      volatileLabels: options.volatileLabels ?? [],
      rules: new GroupingRules(options.rules ?? []),
      model: new GroupingModel(options.threshold ?? 0.5, loadGroupingModel(store)),
    });
    for (const incident of store.incidents.list({ status: OPEN })) {
      const alerts = store.alerts.list({ incidentId: incident.id }).sort((a, b) => a.startsMs - b.startsMs);
      for (const alert of alerts) this.correlator.assign(incident.id, alert, { countWords: true });
    }
    for (const alert of store.alerts.list({ status: 'firing' })) this.firing.set(alert.fingerprint, alert);
  }

  /**
   * Applies signals; returns the ids of incidents that changed. A batch is one transaction,
   * and each alert and incident it touches is written once at its end, however many of the
   * batch's signals repeat it.
   */
  onSignals(signals: readonly Signal[]): string[] {
    const { store } = this.options;
    const touched = new Map<string, Alert[]>();
    // Incidents an alert joined in this batch; the others only saw their own alerts' activity.
    const grown = new Set<string>();
    // Of those, the ones an alert stored before this batch joined (reopened, admitted, refired):
    // only alerts created in this batch are known not to be listed in an incident already.
    const rejoined = new Set<string>();
    store.transaction(() => {
      const latest = new Map<string, Alert>();
      const dirty = new Map<string, Alert>();
      // Each touched alert as the store holds it before this batch (undefined: a new alert).
      const stored = new Map<string, Alert | undefined>();
      for (const signal of signals) {
        // Repeats of a firing alert are answered from memory; only a new episode reads the
        // fingerprint's last alert (duplicate retries, flapping and reopening need it).
        const current = latest.get(signal.fingerprint) ?? this.firing.get(signal.fingerprint) ?? store.alerts.byFingerprint(signal.fingerprint);
        const result = foldSignal(current, signal, () => this.alertIds.next(), this.options.alerts);
        if (!result) continue;
        if (!stored.has(result.alert.id)) stored.set(result.alert.id, current?.id === result.alert.id ? current : undefined);
        let alert = result.alert;
        if (result.change === 'opened' || refiredInPlace(current, alert)) {
          alert = this.place(current, alert);
        } else {
          this.correlator.touch(alert);
          if (result.change === 'resolved' && alert.incidentId) {
            this.timeline(alert.incidentId, alert.endsMs ?? signal.timeMs, 'alert_resolved', `${describe(alert)} resolved`);
          }
        }
        latest.set(alert.fingerprint, alert);
        dirty.set(alert.id, alert);
        if (alert.incidentId) {
          const alerts = touched.get(alert.incidentId);
          if (alerts) alerts.push(alert);
          else touched.set(alert.incidentId, [alert]);
          const before = stored.get(alert.id);
          if (before?.incidentId !== alert.incidentId) {
            grown.add(alert.incidentId);
            if (before) rejoined.add(alert.incidentId);
          }
        }
      }
      for (const alert of dirty.values()) {
        const before = stored.get(alert.id);
        if (before && isRepeat(before, alert)) this.saveRepeat(alert);
        else this.saveAlert(alert);
      }
      for (const [incidentId, alerts] of touched) {
        if (!grown.has(incidentId)) this.noteActivity(incidentId, alerts);
        else if (rejoined.has(incidentId)) this.refresh(incidentId, alerts);
        else this.addAlerts(incidentId, alerts, (alert) => stored.get(alert.id) === undefined);
      }
    });
    return [...touched.keys()];
  }

  /** Records (already stored) changes on the timelines of open incidents they touch; returns those incidents. */
  onChanges(changes: readonly Change[]): string[] {
    const { store } = this.options;
    const changed: string[] = [];
    store.transaction(() => {
      const graph = this.options.graph();
      for (const incident of store.incidents.list({ status: OPEN })) {
        for (const change of changes) {
          const near = incident.services.some((s) => graph.distance(s, change.service, 1) !== undefined);
          if (!near) continue;
          const version = change.version ? ` ${change.version}` : '';
          this.timeline(incident.id, change.timeMs, 'change', `${change.kind}${version} of ${change.service}: ${change.description}`.trim());
          changed.push(incident.id);
        }
      }
    });
    return [...new Set(changed)];
  }

  /** Resolves open incidents whose alerts have all been resolved for `quietMs` by `watermarkMs`. */
  autoResolve(watermarkMs: number): string[] {
    const { store } = this.options;
    const resolved: string[] = [];
    // The correlator knows which open incidents are quiet; only those are read from the store.
    const due = this.correlator.quietIncidents().filter(({ lastActivityMs }) => watermarkMs >= lastActivityMs + this.options.quietMs);
    // No transaction when none is due: it would take the write lock the span writer thread shares.
    if (due.length === 0) return resolved;
    store.transaction(() => {
      for (const { incidentId } of due) {
        const incident = store.incidents.get(incidentId);
        if (!incident || !OPEN.includes(incident.status)) {
          this.correlator.forget(incidentId);
          continue;
        }
        const alerts = store.alerts.list({ incidentId: incident.id });
        if (alerts.length === 0 || alerts.some((a) => a.status === 'firing')) continue;
        const lastEnd = Math.max(...alerts.map((a) => a.endsMs ?? a.lastSeenMs));
        if (watermarkMs < lastEnd + this.options.quietMs) continue;
        // The same rule as a person's resolve (lifecycle.ts), so MTTR and the resolution read alike.
        const result = transition(incident, 'resolve', { atMs: lastEnd, resolution: AUTO_RESOLUTION });
        if (result.kind !== 'changed') continue;
        store.incidents.save(result.incident);
        this.timeline(incident.id, lastEnd, 'status', `resolved automatically: ${AUTO_RESOLUTION}`);
        this.correlator.forget(incident.id);
        resolved.push(incident.id);
      }
    });
    return resolved;
  }

  /**
   * An operator merges incident `sourceId` into `intoId`: its alerts move over, it closes, and
   * the decisions that opened it become feedback (they should have joined `intoId`).
   */
  merge(sourceId: string, intoId: string, by: string, nowMs: number): Incident {
    const { store } = this.options;
    return store.transaction(() => {
      if (sourceId === intoId) throw new OpsError('OPS_ERR_VALIDATION', [`into: incident ${sourceId} cannot be merged into itself`]);
      const source = this.openIncident(sourceId);
      const into = this.openIncident(intoId);
      const alerts = store.alerts.list({ incidentId: source.id });
      const graph = this.options.graph();
      this.learn(mergeExamples(alerts, into.id, (alert) => this.correlator.featuresAgainst(alert, into.id, graph), { by, timeMs: nowMs }), nowMs);
      this.correlator.forget(source.id);
      for (const alert of alerts.sort((a, b) => a.startsMs - b.startsMs)) {
        this.move(alert, into.id, 'merged', `merged from ${source.id} into ${into.id} by ${by}`);
      }
      store.incidents.save({ ...source, status: 'closed', alertIds: [], updatedMs: Math.max(source.updatedMs, nowMs) });
      this.timeline(source.id, nowMs, 'status', `merged into ${into.id} by ${by}; closed`);
      this.timeline(into.id, nowMs, 'status', `merged ${source.id} (${alerts.length} alert${alerts.length === 1 ? '' : 's'}) into this incident by ${by}`);
      return store.incidents.get(into.id) ?? into;
    });
  }

  /**
   * An operator splits alerts off an incident into a new one; the decisions that joined them
   * become feedback (they should not have joined).
   */
  split(sourceId: string, alertIds: readonly string[], by: string, nowMs: number): Incident {
    const { store } = this.options;
    return store.transaction(() => {
      const source = this.openIncident(sourceId);
      const ids = new Set(alertIds);
      const all = store.alerts.list({ incidentId: source.id }).sort((a, b) => a.startsMs - b.startsMs);
      const moving = all.filter((alert) => ids.has(alert.id));
      const missing = [...ids].filter((id) => !moving.some((alert) => alert.id === id));
      if (missing.length > 0) throw new OpsError('OPS_ERR_VALIDATION', [`alertIds: ${missing.join(', ')} not in incident ${source.id}`]);
      if (moving.length === all.length) throw new OpsError('OPS_ERR_CONFLICT', [`Splitting every alert off incident ${source.id} would leave it empty; split fewer`]);
      this.learn(splitExamples(moving, source.id, { by, timeMs: nowMs }), nowMs);
      const first = moving[0] as Alert;
      const created = this.open(newId('inc'), first);
      this.correlator.forget(source.id);
      for (const alert of all) {
        if (ids.has(alert.id)) this.move(alert, created.id, 'split', `split from ${source.id} by ${by}`);
        else this.correlator.assign(source.id, alert, { countWords: false });
      }
      const kept = all.filter((alert) => !ids.has(alert.id));
      store.incidents.save({ ...source, alertIds: kept.map((a) => a.id), services: servicesOf(kept), updatedMs: Math.max(source.updatedMs, nowMs) });
      this.timeline(source.id, nowMs, 'status', `split ${moving.length} alert${moving.length === 1 ? '' : 's'} off into ${created.id} by ${by}`);
      this.timeline(created.id, nowMs, 'status', `split from ${source.id} by ${by}`);
      return store.incidents.get(created.id) ?? created;
    });
  }

  private openIncident(id: string): Incident {
    const incident = this.options.store.incidents.get(id);
    if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${id}`]);
    if (!OPEN.includes(incident.status)) throw new OpsError('OPS_ERR_CONFLICT', [`Incident ${id} is ${incident.status}; only open incidents can be merged or split`]);
    return incident;
  }

  /** Moves an alert to another incident by an operator's hand, keeping the original decision's features for the record. */
  private move(alert: Alert, incidentId: string, outcome: 'merged' | 'split', reason: string): void {
    const previous = alert.correlation;
    const correlation: Correlation = {
      incidentId,
      outcome,
      score: previous?.score ?? 0,
      threshold: previous?.threshold ?? this.correlator.model.threshold,
      reason: previous ? `${reason} (was ${previous.reason})` : reason,
      features: previous?.features ?? { time: 0, topology: 0, labels: 0, text: 0 },
      candidates: previous?.candidates ?? [],
    };
    const moved = { ...alert, incidentId, correlation };
    this.saveAlert(moved);
    this.correlator.assign(incidentId, moved, { countWords: false });
    this.refresh(incidentId, [moved]);
  }

  private learn(examples: ReturnType<typeof mergeExamples>, nowMs: number): void {
    if (examples.length === 0) return;
    for (const example of examples) this.correlator.model.learn(example.features, example.joined);
    this.options.store.groupingFeedback.add(examples);
    saveGroupingModel(this.options.store, this.correlator.model, nowMs);
  }

  /**
   * A person's action changed an incident (incident-actions.ts): one that is no longer open
   * stops attracting alerts.
   */
  noteIncident(incident: Incident): void {
    if (!OPEN.includes(incident.status)) this.correlator.forget(incident.id);
  }

  /**
   * Where a firing episode goes: a flapping alert firing again stays in its incident while that
   * is open; an incident resolved moments ago reopens (lifecycle.ts); otherwise correlation.
   */
  private place(previous: Alert | undefined, alert: Alert): Alert {
    const { store } = this.options;
    const own = alert.incidentId ? store.incidents.get(alert.incidentId) : undefined;
    if (own && OPEN.includes(own.status)) {
      this.correlator.touch(alert);
      return alert;
    }
    // Dated by this firing: a refired flapping alert keeps the start of its first episode.
    const reopened = reopenForAlert(store, previous, { ...alert, startsMs: alert.lastSeenMs }, this.options.windowMs);
    if (!reopened) return this.correlate(alert);
    const placed = { ...alert, incidentId: reopened };
    for (const member of store.alerts.list({ incidentId: reopened })) this.correlator.assign(reopened, member, { countWords: false });
    this.correlator.assign(reopened, placed, { countWords: true });
    return placed;
  }

  private correlate(alert: Alert): Alert {
    const correlation = this.correlator.place(alert, this.options.graph(), () => newId('inc'));
    if (correlation.outcome === 'opened') this.open(correlation.incidentId, alert);
    this.timeline(correlation.incidentId, alert.startsMs, 'alert', `${describe(alert)}: ${alert.summary} (${correlation.reason})`);
    return { ...alert, incidentId: correlation.incidentId, correlation };
  }

  private open(id: string, alert: Alert): Incident {
    const incident: Incident = {
      id,
      title: alert.service ? `${alert.service}: ${alert.name}` : alert.name,
      status: 'triggered',
      severity: alert.severity,
      services: alert.service ? [alert.service] : [],
      startedMs: alert.startsMs,
      updatedMs: alert.lastSeenMs,
      alertIds: [],
      causes: [],
    };
    this.options.store.incidents.save(incident);
    this.timeline(incident.id, alert.startsMs, 'status', 'triggered');
    return incident;
  }

  /** Folds alerts' latest state into their incident: services, severity, alert list, times. */
  private refresh(incidentId: string, alerts: readonly Alert[]): void {
    const { store } = this.options;
    const incident = store.incidents.get(incidentId);
    if (!incident) return;
    const services = new Set(incident.services);
    const alertIds = new Set(incident.alertIds);
    let { severity, startedMs, updatedMs } = incident;
    for (const alert of alerts) {
      if (alert.service) services.add(alert.service);
      alertIds.add(alert.id);
      if (SEVERITY_ORDER.indexOf(alert.severity) > SEVERITY_ORDER.indexOf(severity)) severity = alert.severity;
      startedMs = Math.min(startedMs, alert.startsMs);
      updatedMs = Math.max(updatedMs, alert.endsMs ?? alert.lastSeenMs);
    }
    store.incidents.save({ ...incident, services: [...services], severity, alertIds: [...alertIds], startedMs, updatedMs });
  }

  /**
   * Like refresh, for an incident whose own alerts repeated or resolved: their services and ids
   * are in it already and their starts did not move, so only severity and updatedMs can change.
   */
  private noteActivity(incidentId: string, alerts: readonly Alert[]): void {
    const { severity, updatedMs } = activityOf(alerts);
    this.options.store.incidents.noteActivity(incidentId, { updatedMs, severity });
  }

  /**
   * Like refresh, for an incident that alerts created in this batch (`isNew`) joined: their ids
   * cannot be in it yet, and the others' ids and services are in it already (as for
   * noteActivity), so the store appends the new ones without the incident being read.
   */
  private addAlerts(incidentId: string, alerts: readonly Alert[], isNew: (alert: Alert) => boolean): void {
    const alertIds = new Set<string>();
    const services = new Set<string>();
    for (const alert of alerts) {
      if (!isNew(alert)) continue;
      alertIds.add(alert.id);
      if (alert.service) services.add(alert.service);
    }
    this.options.store.incidents.addAlerts(incidentId, { alertIds: [...alertIds], services: [...services], ...activityOf(alerts) });
  }

  private saveAlert(alert: Alert): void {
    this.options.store.alerts.save(alert);
    if (alert.status === 'firing') this.firing.set(alert.fingerprint, alert);
    else if (this.firing.get(alert.fingerprint)?.id === alert.id) this.firing.delete(alert.fingerprint);
  }

  /** Cheaper than saveAlert (store.ts, AlertRepository.saveRepeat); the alert still fires. */
  private saveRepeat(alert: Alert): void {
    this.options.store.alerts.saveRepeat(alert);
    this.firing.set(alert.fingerprint, alert);
  }

  private timeline(incidentId: string, timeMs: number, kind: TimelineEntry['kind'], message: string): void {
    this.options.store.incidents.appendTimeline({ incidentId, timeMs, kind, message });
  }
}

/** The highest severity, the earliest start and the latest activity of some alerts. */
function activityOf(alerts: readonly Alert[]): { severity: Severity; startedMs: number; updatedMs: number } {
  let severity = alerts[0]?.severity ?? 'info';
  let startedMs = Number.POSITIVE_INFINITY;
  let updatedMs = 0;
  for (const alert of alerts) {
    if (SEVERITY_ORDER.indexOf(alert.severity) > SEVERITY_ORDER.indexOf(severity)) severity = alert.severity;
    startedMs = Math.min(startedMs, alert.startsMs);
    updatedMs = Math.max(updatedMs, alert.endsMs ?? alert.lastSeenMs);
  }
  return { severity, startedMs, updatedMs };
}

function servicesOf(alerts: readonly Alert[]): string[] {
  return [...new Set(alerts.flatMap((alert) => (alert.service ? [alert.service] : [])))];
}

function describe(alert: Alert): string {
  return `${alert.name}${alert.service ? ` on ${alert.service}` : ''}`;
}

/**
 * Only the alert's activity moved (count, last seen, deliveries, summary, severity, evidence):
 * nothing the store files it by, nor its correlation (AlertRepository.saveRepeat). The fold
 * carries the correlation over as is, so the same object means the same correlation.
 */
function isRepeat(before: Alert, after: Alert): boolean {
  return (
    before.fingerprint === after.fingerprint &&
    before.status === after.status &&
    after.status === 'firing' &&
    before.incidentId === after.incidentId &&
    before.correlation === after.correlation &&
    (before.silencedBy === undefined) === (after.silencedBy === undefined) &&
    (before.flapping ?? false) === (after.flapping ?? false)
  );
}

/** A flapping alert that fires again is the same alert, refired; it must be placed like a new episode. */
function refiredInPlace(previous: Alert | undefined, alert: Alert): boolean {
  return previous?.id === alert.id && previous.status === 'resolved' && alert.status === 'firing';
}
