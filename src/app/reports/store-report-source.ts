/** The improvement report's reads (act/reports ReportSource) answered from the store, each bounded. */
import type { ReportSource } from '../../act/reports/improvement-report.js';
import { within, type Period } from '../../act/reports/report-period.js';
import type { Store } from '../../store/store.js';

/** Alerts or deliveries one period of a report reads at most; beyond it the report says it is truncated. */
export const REPORT_READ_LIMIT = 100_000;

export function storeReportSource(store: Store): ReportSource {
  return {
    alertsStarted(period: Period) {
      // Overlapping is a superset of started-in (an alert that started in the period was active in it).
      const overlapping = store.windows.alertsOverlapping({ fromMs: period.fromMs, toMs: period.toMs - 1 }, REPORT_READ_LIMIT + 1);
      const truncated = overlapping.length > REPORT_READ_LIMIT;
      return { alerts: overlapping.slice(0, REPORT_READ_LIMIT).filter((alert) => within(alert.startsMs, period)), truncated };
    },
    incidentsStarted(period: Period) {
      return store.incidents.list({ overlapping: { fromMs: period.fromMs, toMs: period.toMs - 1 } }).filter((incident) => within(incident.startedMs, period));
    },
    incident: (id) => store.incidents.get(id),
    timeline: (incidentId) => store.incidents.timeline(incidentId),
    alertsOf: (incidentId) => store.alerts.list({ incidentId }),
    problems: () => store.problems.list(),
    deliveries(period: Period) {
      const deliveries = store.notify.deliveries({ range: period, limit: REPORT_READ_LIMIT + 1 });
      return { deliveries: deliveries.slice(0, REPORT_READ_LIMIT), truncated: deliveries.length > REPORT_READ_LIMIT };
    },
    users: () => store.notify.list('user'),
    schedules: () => store.notify.list('schedule'),
    // Runbooks do not exist yet (src/act/runbooks): nothing records an execution.
    runbookExecutions: () => [],
  };
}
