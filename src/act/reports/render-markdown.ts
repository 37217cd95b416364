/**
 * The improvement report as Markdown (GitHub-flavoured tables), for GET
 * /api/v1/reports/improvement.md, the CLI and messages. Every figure the JSON has a place for
 * is here; long lists are cut to what a person reads. Pure.
 */
import { formatDuration } from '../../core/duration-text.js';
import type { DurationStats, IncidentGroupStats } from '../../core/incident-api.js';
import type { ImprovementReport, PeriodSummary } from '../../core/report-api.js';

/** Services and teams shown in the trend tables. */
const TREND_ROWS = 10;

export function renderReportMarkdown(report: ImprovementReport): string {
  const sections = [
    `# Improvement report: ${day(report.fromMs)} to ${day(report.toMs)}`,
    `Period ${iso(report.fromMs)} to ${iso(report.toMs)} (end excluded), compared with the period before (from ${iso(report.previousFromMs)}). Generated ${iso(report.generatedMs)}.` +
      (report.truncated ? '\n\n> More alerts or deliveries than a report reads: figures cover the most recent 100,000.' : ''),
    summarySection(report.summary.current, report.summary.previous),
    noisySection(report),
    neverActedOnSection(report),
    trendsSection(report),
    recurringSection(report),
    automationSection(report),
    oncallSection(report),
  ];
  return `${sections.join('\n\n')}\n`;
}

function summarySection(current: PeriodSummary, previous: PeriodSummary): string {
  const rows: Array<[string, string, string]> = [
    ['Alerts', String(current.alerts), String(previous.alerts)],
    ['Incidents', String(current.incidents), String(previous.incidents)],
    ['Alerts never acted on', String(current.neverActedOn), String(previous.neverActedOn)],
    ['MTTA (mean)', optionalDuration(current.mttaMeanMs), optionalDuration(previous.mttaMeanMs)],
    ['MTTR (mean)', optionalDuration(current.mttrMeanMs), optionalDuration(previous.mttrMeanMs)],
    ['Pages', String(current.pages), String(previous.pages)],
    ['Night pages', String(current.nightPages), String(previous.nightPages)],
  ];
  return `## Summary\n\n${table(['', 'this period', 'previous period'], rows)}`;
}

function noisySection(report: ImprovementReport): string {
  if (report.noisiestAlerts.length === 0) return '## Noisiest alerts\n\nNo alerts started in the period.';
  const alerts = report.noisiestAlerts.map((a) => [a.name, a.service ?? '', a.source, String(a.count), String(a.previousCount), percent(a.share), String(a.flapping), percent(a.silencedShare)]);
  const sources = report.noisiestSources.map((s) => [s.source, String(s.count), String(s.previousCount), percent(s.share), String(s.flapping), percent(s.silencedShare)]);
  return [
    '## Noisiest alerts',
    table(['alert', 'service', 'source', 'alerts', 'previous', 'share', 'flapping', 'silenced'], alerts),
    '## Noisiest sources',
    table(['source', 'alerts', 'previous', 'share', 'flapping', 'silenced'], sources),
  ].join('\n\n');
}

function neverActedOnSection(report: ImprovementReport): string {
  const { count, resolved, share, alerts } = report.neverActedOn;
  const head = `## Alerts never acted on\n\n${count} of ${resolved} alerts that fired and resolved in the period (${percent(share)}) were never acted on: no silence, and no acknowledgement, assignee or timeline entry by anyone on their incident.`;
  if (alerts.length === 0) return head;
  return `${head}\n\n${table(['alert', 'service', 'source', 'alerts'], alerts.map((a) => [a.name, a.service ?? '', a.source, String(a.count)]))}`;
}

function trendsSection(report: ImprovementReport): string {
  const { weeks, overall, byService, byTeam } = report.responseTrends;
  const header = ['', ...weeks.map((week) => `week of ${day(week.fromMs)}`)];
  const row = (name: string, stats: readonly IncidentGroupStats[], pick: (s: IncidentGroupStats) => DurationStats | undefined) => [
    name,
    ...stats.map((s) => {
      const d = pick(s);
      return d ? `${formatDuration(d.meanMs)} / ${formatDuration(d.p50Ms)} / ${formatDuration(d.p90Ms)} (${d.count})` : '–';
    }),
  ];
  const block = (title: string, pick: (s: IncidentGroupStats) => DurationStats | undefined) => {
    const rows = [
      row('all incidents', overall, pick),
      ...byService.slice(0, TREND_ROWS).map((s) => row(`service ${s.service}`, s.weeks, pick)),
      ...byTeam.slice(0, TREND_ROWS).map((t) => row(`team ${t.team}`, t.weeks, pick)),
    ];
    return `### ${title}\n\nmean / median / p90 (incidents measured) by the week incidents started.\n\n${table(header, rows)}`;
  };
  const counts = table(header, [['incidents', ...overall.map((s) => String(s.count))]]);
  return `## MTTA and MTTR trends\n\n${counts}\n\n${block('Time to acknowledge', (s) => s.mtta)}\n\n${block('Time to resolve', (s) => s.mttr)}`;
}

function recurringSection(report: ImprovementReport): string {
  const { problems, clusters } = report.recurring;
  const parts = ['## Recurring problems'];
  parts.push(
    problems.length === 0
      ? 'No problem has an incident in the period.'
      : table(['problem', 'status', 'incidents in period', 'all incidents'], problems.map((p) => [`${p.title} (${p.id})`, p.status, String(p.incidents), String(p.totalIncidents)])),
  );
  parts.push('### Similar incidents not in a problem');
  parts.push(
    clusters.length === 0
      ? 'No group of similar incidents outside problems.'
      : table(['incidents', 'latest', 'services', 'shared terms', 'ids'], clusters.map((c) => [String(c.count), c.title, c.services.join(', '), c.terms.join(', '), c.incidentIds.join(', ')])),
  );
  return parts.join('\n\n');
}

function automationSection(report: ImprovementReport): string {
  const a = report.automation;
  const rows = [
    ['Runbook executions', String(a.runbookExecutions)],
    ['Incidents with automation (coverage)', `${a.incidentsAutomated} (${percent(a.coverage)})`],
    ['Succeeded / failed', `${a.succeeded} / ${a.failed}`],
    ['Success rate', a.successRate === undefined ? '–' : percent(a.successRate)],
    ['Toil avoided', `${a.toilAvoidedHours.toFixed(1)} h`],
  ];
  return `## Automation\n\n${a.note.charAt(0).toUpperCase()}${a.note.slice(1)}.\n\n${table(['', ''], rows)}`;
}

function oncallSection(report: ImprovementReport): string {
  if (report.oncall.length === 0) return '## On-call load\n\nNobody was paged in the period.';
  const rows = report.oncall.map((p) => [p.name, p.timeZone, String(p.pages), String(p.nightPages), String(p.weekendPages), String(p.previousPages)]);
  return `## On-call load\n\nNight: 22:00 to 07:00, weekend: Saturday and Sunday, in each person's schedule time zone.\n\n${table(['person', 'time zone', 'pages', 'night', 'weekend', 'previous period'], rows)}`;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A table cell: pipes would split it, newlines would end the row. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

function optionalDuration(ms: number | undefined): string {
  return ms === undefined ? '–' : formatDuration(ms);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
