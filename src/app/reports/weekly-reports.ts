/**
 * The weekly improvement report: once the configured slot (default Monday 08:00 UTC) has passed,
 * the report of the week that ended at it is made, stored and, when channels are configured,
 * sent over them (in the background; how each send went is stored with the report). Driven by
 * the clock it is given, so tests move a fake one. After downtime only the latest missed week is
 * made (one report, not a backlog); a fresh store waits for the first slot after start rather
 * than reporting on a week it did not watch.
 */
import { improvementReport } from '../../act/reports/improvement-report.js';
import { slotAtOrBefore, slotBefore, type WeeklySlot } from '../../act/reports/weekly-schedule.js';
import type { ImprovementReport, ReportDelivery, StoredReport } from '../../core/report-api.js';
import type { Store } from '../../store/store.js';
import { deliverWithRetry } from '../notify/deliver.js';
import { REPORT_SENDERS, reportSenderFor, type ReportSenders } from './report-senders.js';
import { storeReportSource } from './store-report-source.js';

export interface WeeklyReportOptions {
  store: Store;
  slot: WeeklySlot;
  enabled: boolean;
  now: () => number;
  /** Notification channel ids the weekly report is sent to. @default [] */
  channels?: readonly string[];
  /** Base URL of the UI, for the link in messages. */
  uiUrl: string;
  senders?: ReportSenders;
  /** First retry wait; tests shorten it. @default 1000 */
  backoffMs?: number;
}

export interface ReportControl {
  /** The report of any period, made now (not stored). */
  improvement(period: { fromMs: number; toMs: number }, weeks: number): ImprovementReport;
  /** Makes and stores the weekly report if one is due, and starts sending it; returns what it made. */
  runDue(): StoredReport[];
  /** Resolves once every send started so far has finished and been recorded (tests, shutdown). */
  idle(): Promise<void>;
}

export function weeklyReports(options: WeeklyReportOptions): ReportControl {
  const { store, slot, now } = options;
  const startedMs = now();
  const inFlight = new Set<Promise<void>>();
  const improvement = (period: { fromMs: number; toMs: number }, weeks: number) =>
    improvementReport(storeReportSource(store), { period, weeks, generatedMs: now() });

  const send = async (stored: StoredReport): Promise<void> => {
    const url = `${options.uiUrl.replace(/\/$/, '')}/#/reports?id=${encodeURIComponent(stored.id)}`;
    const deliveries: ReportDelivery[] = [];
    for (const channelId of options.channels ?? []) {
      const channel = store.notify.get('channel', channelId);
      if (!channel) {
        deliveries.push({ channel: channelId, status: 'failed', attempts: 0, error: `channel ${channelId} does not exist`, timeMs: now() });
        continue;
      }
      const sender = reportSenderFor(options.senders ?? REPORT_SENDERS, channel);
      const outcome = await deliverWithRetry(() => sender(channel, { stored, url, nowMs: now() }), { retries: channel.retries, backoffMs: options.backoffMs ?? 1_000 });
      deliveries.push({ channel: channelId, ...outcome, timeMs: now() });
    }
    store.reports.save({ ...stored, deliveries });
  };

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
      if ((options.channels?.length ?? 0) > 0) {
        const sending = send(stored);
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      }
      return [stored];
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** One id per week, so two makers of the same week write one report: weekly-20300107T0800Z. */
export function weeklyReportId(toMs: number): string {
  return `weekly-${new Date(toMs).toISOString().slice(0, 16).replaceAll('-', '').replace(':', '')}Z`;
}
