/**
 * The weekly improvement report: once the configured slot (default Monday 08:00 UTC) has passed,
 * the report of the week that ended at it is made and stored. Driven by the clock it is given,
 * so tests move a fake one. After downtime only the latest missed week is made (one report,
 * not a backlog); a fresh store waits for the first slot after start rather than reporting on
 * a week it did not watch.
 */
import { improvementReport } from '../../act/reports/improvement-report.js';
import { slotAtOrBefore, slotBefore, type WeeklySlot } from '../../act/reports/weekly-schedule.js';
import type { ImprovementReport, StoredReport } from '../../core/report-api.js';
import type { Store } from '../../store/store.js';
import { storeReportSource } from './store-report-source.js';

export interface WeeklyReportOptions {
  store: Store;
  slot: WeeklySlot;
  enabled: boolean;
  now: () => number;
}

export interface ReportControl {
  /** The report of any period, made now (not stored). */
  improvement(period: { fromMs: number; toMs: number }, weeks: number): ImprovementReport;
  /** Makes and stores the weekly report if one is due; returns what it made. */
  runDue(): StoredReport[];
}

export function weeklyReports(options: WeeklyReportOptions): ReportControl {
  const { store, slot, now } = options;
  const startedMs = now();
  const improvement = (period: { fromMs: number; toMs: number }, weeks: number) =>
    improvementReport(storeReportSource(store), { period, weeks, generatedMs: now() });
  return {
    improvement,
    runDue() {
      if (!options.enabled) return [];
      const nowMs = now();
      const dueMs = slotAtOrBefore(nowMs, slot);
      const last = store.reports.latest('weekly');
      if (last ? last.toMs >= dueMs : dueMs < startedMs) return [];
      const period = { fromMs: slotBefore(dueMs, slot), toMs: dueMs };
      const stored: StoredReport = { id: weeklyReportId(dueMs), kind: 'weekly', ...period, createdMs: nowMs, report: improvement(period, 8) };
      store.reports.save(stored);
      return [stored];
    },
  };
}

/** One id per week, so two makers of the same week write one report: weekly-20300107T0800Z. */
export function weeklyReportId(toMs: number): string {
  return `weekly-${new Date(toMs).toISOString().slice(0, 16).replaceAll('-', '').replace(':', '')}Z`;
}
