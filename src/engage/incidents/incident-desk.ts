/**
 * The engage stage: signals become alerts, alerts are correlated into incidents, incidents
 * move through their lifecycle, and every step lands on the incident's timeline. State lives
 * in the store, so a restart picks up where it left off. Decisions are made by the pure
 * modules (engage/alerts, engage/correlate, engage/incidents/lifecycle); this class applies
 * them. What people do to incidents is incident-actions.ts.
 */
import { newId } from '../../core/ids.js';
import type { Alert, Change, Incident, Severity, Signal, TimelineEntry } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';
import type { Store } from '../../store/store.js';
import { foldSignal, type FoldOptions } from '../alerts/fold-signals.js';
import { chooseIncident, type IncidentView } from '../correlate/choose-incident.js';
import { reopenForAlert } from './incident-actions.js';

export interface IncidentDeskOptions {
  store: Store;
  graph: () => ServiceGraph;
  windowMs: number;
  maxDistance: number;
  quietMs: number;
  /** Flapping and silences (engage/alerts): a `held` alert is stored but joins no incident. */
  alerts?: FoldOptions;
}

const OPEN: Incident['status'][] = ['triggered', 'acknowledged'];
const SEVERITY_ORDER: Severity[] = ['info', 'warning', 'error', 'critical'];

export class IncidentDesk {
  constructor(private readonly options: IncidentDeskOptions) {}

  /** Applies signals; returns the ids of incidents that changed. */
  onSignals(signals: readonly Signal[]): string[] {
    const { store } = this.options;
    const changed = new Set<string>();
    store.transaction(() => {
      for (const signal of signals) {
        const previous = store.alerts.byFingerprint(signal.fingerprint);
        const result = foldSignal(previous, signal, () => newId('alr'), this.options.alerts);
        if (!result) continue;
        let alert = result.alert;
        if (result.change === 'opened') {
          // A new episode of an alert whose incident was resolved reopens that incident (lifecycle.ts).
          const reopened = reopenForAlert(store, previous, alert, this.options.windowMs);
          alert = reopened ? { ...alert, incidentId: reopened } : this.correlate(alert);
        } else if (result.change === 'resolved' && alert.incidentId) {
          this.timeline(alert.incidentId, alert.endsMs ?? signal.timeMs, 'alert_resolved', `${describe(alert)} resolved`);
        }
        store.alerts.save(alert);
        if (alert.incidentId) {
          this.refresh(alert.incidentId, alert);
          changed.add(alert.incidentId);
        }
      }
    });
    return [...changed];
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
    store.transaction(() => {
      for (const incident of store.incidents.list({ status: OPEN })) {
        const alerts = store.alerts.list({ incidentId: incident.id });
        if (alerts.length === 0 || alerts.some((a) => a.status === 'firing')) continue;
        const lastEnd = Math.max(...alerts.map((a) => a.endsMs ?? a.lastSeenMs));
        if (watermarkMs < lastEnd + this.options.quietMs) continue;
        store.incidents.save({ ...incident, status: 'resolved', resolvedMs: lastEnd, updatedMs: lastEnd });
        this.timeline(incident.id, lastEnd, 'status', 'resolved automatically: all alerts cleared');
        resolved.push(incident.id);
      }
    });
    return resolved;
  }

  private correlate(alert: Alert): Alert {
    const { store } = this.options;
    const views: IncidentView[] = store.incidents.list({ status: OPEN }).map((incident) => {
      const alerts = store.alerts.list({ incidentId: incident.id });
      return {
        id: incident.id,
        services: incident.services,
        lastActivityMs: Math.max(incident.startedMs, ...alerts.map((a) => a.endsMs ?? a.lastSeenMs)),
        firingAlerts: alerts.filter((a) => a.status === 'firing').length,
      };
    });
    const decision = chooseIncident(alert, views, this.options.graph(), {
      windowMs: this.options.windowMs,
      maxDistance: this.options.maxDistance,
    });
    const incidentId = decision.incidentId ?? this.open(alert).id;
    this.timeline(incidentId, alert.startsMs, 'alert', `${describe(alert)}: ${alert.summary} (${decision.reason})`);
    return { ...alert, incidentId };
  }

  private open(alert: Alert): Incident {
    const incident: Incident = {
      id: newId('inc'),
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

  /** Folds an alert's latest state into its incident: services, severity, alert list, times. */
  private refresh(incidentId: string, alert: Alert): void {
    const { store } = this.options;
    const incident = store.incidents.get(incidentId);
    if (!incident) return;
    const services = alert.service && !incident.services.includes(alert.service) ? [...incident.services, alert.service] : incident.services;
    const severity =
      SEVERITY_ORDER.indexOf(alert.severity) > SEVERITY_ORDER.indexOf(incident.severity) ? alert.severity : incident.severity;
    store.incidents.save({
      ...incident,
      services,
      severity,
      alertIds: incident.alertIds.includes(alert.id) ? incident.alertIds : [...incident.alertIds, alert.id],
      startedMs: Math.min(incident.startedMs, alert.startsMs),
      updatedMs: Math.max(incident.updatedMs, alert.endsMs ?? alert.lastSeenMs),
    });
  }

  private timeline(incidentId: string, timeMs: number, kind: TimelineEntry['kind'], message: string): void {
    this.options.store.incidents.appendTimeline({ incidentId, timeMs, kind, message });
  }
}

function describe(alert: Alert): string {
  return `${alert.name}${alert.service ? ` on ${alert.service}` : ''}`;
}
