/**
 * A report in a few lines, for chat messages where tables do not render (Slack mrkdwn): the
 * headline figures against the previous period. Pure.
 */
import { formatDuration } from '../../core/duration-text.js';
import type { ImprovementReport } from '../../core/report-api.js';

export function reportHeadlines(report: ImprovementReport): string[] {
  const { current, previous } = report.summary;
  const duration = (ms: number | undefined) => (ms === undefined ? '–' : formatDuration(ms));
  const lines = [
    `• Alerts: ${current.alerts} (previous ${previous.alerts}), never acted on: ${current.neverActedOn} (previous ${previous.neverActedOn})`,
    `• Incidents: ${current.incidents} (previous ${previous.incidents}), MTTA ${duration(current.mttaMeanMs)} (previous ${duration(previous.mttaMeanMs)}), MTTR ${duration(current.mttrMeanMs)} (previous ${duration(previous.mttrMeanMs)})`,
    `• Pages: ${current.pages} (previous ${previous.pages}), at night: ${current.nightPages}`,
  ];
  const noisiest = report.noisiestAlerts[0];
  if (noisiest) lines.push(`• Noisiest alert: ${noisiest.name}${noisiest.service ? ` on ${noisiest.service}` : ''} (${noisiest.source}), ${noisiest.count} alerts`);
  const busiest = report.oncall[0];
  if (busiest) lines.push(`• Most paged: ${busiest.name}, ${busiest.pages} pages (${busiest.nightPages} at night)`);
  return lines;
}
