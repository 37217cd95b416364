/**
 * The continuous-improvement report of a period (docs/reports.md), assembled from the figures of
 * this folder. Reads through ReportSource, a handful of bounded reads the app layer answers
 * from the store; no clock (generatedMs is passed in) and no other I/O.
 */
import type { Problem } from '../../core/incident-api.js';
import type { Delivery, Schedule, User } from '../../core/notify-api.js';
import type { ImprovementReport, OnCallLoad, PeriodSummary } from '../../core/report-api.js';
import type { Alert, Incident, TimelineEntry } from '../../core/records.js';
import { groupStats } from '../../engage/incidents/incident-metrics.js';
import { automationFigures, type RunbookExecution } from './automation.js';
import { neverActedOn } from './never-acted-on.js';
import { noisiestAlerts } from './noisy-alerts.js';
import { oncallLoad } from './oncall-load.js';
import { recurringProblems, unlinkedClusters } from './recurring-problems.js';
import { previousPeriod, weekBuckets, within, type Period } from './report-period.js';
import { responseTrends } from './response-trends.js';

/** What a report reads; every list read is bounded by the caller, `truncated` says when it cut. */
export interface ReportSource {
  /** Alerts that started in the period. */
  alertsStarted(period: Period): { alerts: Alert[]; truncated: boolean };
  /** Incidents that started in the period. */
  incidentsStarted(period: Period): Incident[];
  incident(id: string): Incident | undefined;
  timeline(incidentId: string): TimelineEntry[];
  alertsOf(incidentId: string): Alert[];
  problems(): Problem[];
  /** Deliveries (notifications and pages) made in the period. */
  deliveries(period: Period): { deliveries: Delivery[]; truncated: boolean };
  users(): User[];
  schedules(): Schedule[];
  /** Finished runbook executions of the period. */
  runbookExecutions(period: Period): RunbookExecution[];
}

/** Incidents of a period clustered for recurring trouble, the most recent first (as similar-incident search bounds its corpus). */
export const CLUSTER_LIMIT = 2_000;

export interface ReportOptions {
  period: Period;
  /** Week buckets of the MTTA/MTTR trends. @default 8 */
  weeks?: number;
  generatedMs: number;
  /** Rows of each ranking. @default 10 */
  limit?: number;
}

export function improvementReport(source: ReportSource, options: ReportOptions): ImprovementReport {
  const { period } = options;
  const limit = options.limit ?? 10;
  const previous = previousPeriod(period);
  const weeks = weekBuckets(period, options.weeks ?? 8);
  const trendPeriod = { fromMs: Math.min(weeks[0]?.fromMs ?? period.fromMs, previous.fromMs), toMs: period.toMs };

  const alerts = source.alertsStarted(period);
  const previousAlerts = source.alertsStarted(previous);
  const incidents = source.incidentsStarted(trendPeriod);
  const current = incidents.filter((incident) => within(incident.startedMs, period));
  const before = incidents.filter((incident) => within(incident.startedMs, previous));
  const deliveries = source.deliveries(period);
  const previousDeliveries = source.deliveries(previous);
  const people = { users: source.users(), schedules: source.schedules() };

  const noisy = noisiestAlerts(alerts.alerts, previousAlerts.alerts, limit);
  const ignored = neverActedOn(alerts.alerts, period, source, limit);
  const oncall = oncallLoad(deliveries.deliveries, previousDeliveries.deliveries, people);
  const previousOncall = oncallLoad(previousDeliveries.deliveries, [], people);
  const problems = source.problems();
  // Clustering compares every incident with every other: the most recent CLUSTER_LIMIT bound its cost.
  const documents = [...current]
    .sort((a, b) => b.startedMs - a.startedMs || a.id.localeCompare(b.id))
    .slice(0, CLUSTER_LIMIT)
    .map((incident) => ({ incident, alerts: source.alertsOf(incident.id) }));

  return {
    fromMs: period.fromMs,
    toMs: period.toMs,
    previousFromMs: previous.fromMs,
    generatedMs: options.generatedMs,
    summary: {
      current: summary(alerts.alerts.length, current, ignored.count, oncall),
      previous: summary(previousAlerts.alerts.length, before, neverActedOn(previousAlerts.alerts, previous, source, 0).count, previousOncall),
    },
    noisiestAlerts: noisy.alerts,
    noisiestSources: noisy.sources,
    neverActedOn: ignored,
    responseTrends: responseTrends(incidents, weeks),
    recurring: { problems: recurringProblems(problems, current), clusters: unlinkedClusters(problems, documents).slice(0, limit) },
    automation: automationFigures(source.runbookExecutions(period), current.length),
    oncall,
    truncated: alerts.truncated || previousAlerts.truncated || deliveries.truncated || previousDeliveries.truncated,
  };
}

function summary(alerts: number, incidents: readonly Incident[], neverActedOnCount: number, oncall: readonly OnCallLoad[]): PeriodSummary {
  const stats = groupStats(incidents);
  return {
    alerts,
    incidents: incidents.length,
    neverActedOn: neverActedOnCount,
    pages: oncall.reduce((sum, person) => sum + person.pages, 0),
    nightPages: oncall.reduce((sum, person) => sum + person.nightPages, 0),
    ...(stats.mtta ? { mttaMeanMs: stats.mtta.meanMs } : {}),
    ...(stats.mttr ? { mttrMeanMs: stats.mttr.meanMs } : {}),
  };
}
