import { useMemo } from 'react';
import type { ImprovementReport, StoredReportSummary } from '../reports-api.js';
import { fetchReport, listStoredReports } from '../reports-api.js';
import { barChart, responseTrendChart } from '../report-charts.js';
import { formatDuration } from '../format.js';
import { reportsHref, type ReportsQuery } from '../report-query.js';
import { incidentHref } from '../use-hash-route.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { ReportChart } from './report-chart.js';

const CHART_HEIGHT = 220;
/** A report is a look back: refreshing it once a minute is plenty. */
const REFRESH_MS = 60_000;
const DAY_MS = 86_400_000;

/** Continuous-improvement report (docs/reports.md): a period's noise, response times, recurring problems and on-call load. */
export function ReportsPage({ query }: { query: ReportsQuery }) {
  const key = JSON.stringify(query);
  const poll = usePoll(`report:${key}`, (signal) => fetchReport(query, signal), { intervalMs: REFRESH_MS });
  const stored = usePoll('reports-stored', (signal) => listStoredReports(signal), { intervalMs: REFRESH_MS });
  const report = poll.data;
  return (
    <section>
      <div className="page-head">
        <h1>Improvement report</h1>
        <PeriodLinks query={query} stored={stored.data?.reports ?? []} />
      </div>
      {poll.error ? <Notice kind="error" title="Could not load the report">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Making the report…" /> : null}
      {report ? <ReportBody report={report} /> : null}
    </section>
  );
}

function PeriodLinks({ query, stored }: { query: ReportsQuery; stored: readonly StoredReportSummary[] }) {
  const now = Date.now();
  const last = (days: number) => reportsHref({ from: new Date(now - days * DAY_MS).toISOString().slice(0, 13) + ':00:00Z', ...(query.weeks ? { weeks: query.weeks } : {}) });
  return (
    <nav className="report-periods" aria-label="Report period">
      <a href={reportsHref({})}>Last 7 days</a>
      <a href={last(30)}>Last 30 days</a>
      {stored.length > 0 ? (
        <select
          aria-label="Weekly reports"
          value={query.id ?? ''}
          onChange={(event) => {
            window.location.hash = event.target.value ? reportsHref({ id: event.target.value }) : reportsHref({});
          }}
        >
          <option value="">Weekly reports…</option>
          {stored.map((r) => (
            <option key={r.id} value={r.id}>
              week {day(r.fromMs)} – {day(r.toMs)}
            </option>
          ))}
        </select>
      ) : null}
    </nav>
  );
}

function ReportBody({ report }: { report: ImprovementReport }) {
  const trend = useMemo(() => responseTrendChart(report, CHART_HEIGHT), [report]);
  const sources = useMemo(
    () => barChart(report.noisiestSources.map((s) => s.source), { label: 'alerts', values: report.noisiestSources.map((s) => s.count), color: '#7c3aed' }, CHART_HEIGHT),
    [report],
  );
  const pages = useMemo(() => barChart(report.oncall.map((p) => p.name), { label: 'pages', values: report.oncall.map((p) => p.pages), color: '#dc2626' }, CHART_HEIGHT), [report]);
  const { current, previous } = report.summary;
  return (
    <>
      <p className="muted" data-testid="report-period">
        {day(report.fromMs)} to {day(report.toMs)} (end excluded), against {day(report.previousFromMs)} to {day(report.fromMs)}
        {report.truncated ? ' · more data than a report reads: figures cover the most recent' : ''}
      </p>
      <div className="panel">
        <table className="table compact" data-testid="report-summary">
          <thead>
            <tr>
              <th />
              <th className="num">this period</th>
              <th className="num">previous period</th>
            </tr>
          </thead>
          <tbody>
            <SummaryRow name="Alerts" now={current.alerts} before={previous.alerts} />
            <SummaryRow name="Incidents" now={current.incidents} before={previous.incidents} />
            <SummaryRow name="Alerts never acted on" now={current.neverActedOn} before={previous.neverActedOn} />
            <SummaryRow name="MTTA (mean)" now={duration(current.mttaMeanMs)} before={duration(previous.mttaMeanMs)} />
            <SummaryRow name="MTTR (mean)" now={duration(current.mttrMeanMs)} before={duration(previous.mttrMeanMs)} />
            <SummaryRow name="Pages" now={current.pages} before={previous.pages} />
            <SummaryRow name="Night pages" now={current.nightPages} before={previous.nightPages} />
          </tbody>
        </table>
      </div>
      <div className="report-charts">
        <ReportChart spec={trend} testId="chart-response-trend" title="MTTA and MTTR per week (mean, minutes)" />
        <ReportChart spec={sources} testId="chart-noisy-sources" title="Alerts per source" />
        <ReportChart spec={pages} testId="chart-oncall-load" title="Pages per person" />
      </div>
      <NoisyAlerts report={report} />
      <NeverActedOn report={report} />
      <Recurring report={report} />
      <Automation report={report} />
      <OnCall report={report} />
    </>
  );
}

function SummaryRow({ name, now, before }: { name: string; now: number | string; before: number | string }) {
  return (
    <tr>
      <td>{name}</td>
      <td className="num">{now}</td>
      <td className="num muted">{before}</td>
    </tr>
  );
}

function NoisyAlerts({ report }: { report: ImprovementReport }) {
  return (
    <div className="panel">
      <h2>Noisiest alerts</h2>
      {report.noisiestAlerts.length === 0 ? (
        <p className="muted">No alerts started in the period.</p>
      ) : (
        <table className="table compact" data-testid="noisy-alerts">
          <thead>
            <tr>
              <th>alert</th>
              <th>service</th>
              <th>source</th>
              <th className="num">alerts</th>
              <th className="num">previous</th>
              <th className="num">share</th>
              <th className="num">flapping</th>
              <th className="num">silenced</th>
            </tr>
          </thead>
          <tbody>
            {report.noisiestAlerts.map((a) => (
              <tr key={`${a.source}|${a.name}|${a.service ?? ''}`}>
                <td>{a.name}</td>
                <td>{a.service ?? ''}</td>
                <td>{a.source}</td>
                <td className="num">{a.count}</td>
                <td className="num muted">{a.previousCount}</td>
                <td className="num">{percent(a.share)}</td>
                <td className="num">{a.flapping}</td>
                <td className="num">{percent(a.silencedShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NeverActedOn({ report }: { report: ImprovementReport }) {
  const { count, resolved, share, alerts } = report.neverActedOn;
  return (
    <div className="panel">
      <h2>Alerts never acted on</h2>
      <p data-testid="never-acted-on">
        {count} of {resolved} alerts that fired and resolved ({percent(share)}) were never acted on: no silence, and no acknowledgement, assignee or timeline entry by anyone on their incident.
      </p>
      {alerts.length > 0 ? (
        <table className="table compact">
          <tbody>
            {alerts.map((a) => (
              <tr key={`${a.source}|${a.name}|${a.service ?? ''}`}>
                <td>{a.name}</td>
                <td>{a.service ?? ''}</td>
                <td>{a.source}</td>
                <td className="num">{a.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function Recurring({ report }: { report: ImprovementReport }) {
  const { problems, clusters } = report.recurring;
  return (
    <div className="panel" data-testid="recurring">
      <h2>Recurring problems</h2>
      {problems.length === 0 ? <p className="muted">No problem has an incident in the period.</p> : null}
      {problems.map((p) => (
        <p key={p.id}>
          <strong>{p.title}</strong> <span className="muted">({p.status})</span>: {p.incidents} incidents in the period, {p.totalIncidents} in all
        </p>
      ))}
      <h3>Similar incidents not in a problem</h3>
      {clusters.length === 0 ? <p className="muted">None.</p> : null}
      {clusters.map((c) => (
        <p key={c.incidentIds.join(',')}>
          <strong>{c.count}×</strong> {c.title} <span className="muted">({c.services.join(', ')}; shared: {c.terms.join(', ')})</span>{' '}
          {c.incidentIds.map((id) => (
            <a key={id} href={incidentHref(id)} className="report-incident-link">
              {id}
            </a>
          ))}
        </p>
      ))}
    </div>
  );
}

function Automation({ report }: { report: ImprovementReport }) {
  const a = report.automation;
  return (
    <div className="panel" data-testid="automation">
      <h2>Automation</h2>
      <p className="muted">{a.note}.</p>
      <p>
        {a.runbookExecutions} runbook executions · coverage {percent(a.coverage)} · {a.succeeded} succeeded, {a.failed} failed
        {a.successRate === undefined ? '' : ` (${percent(a.successRate)})`} · {a.toilAvoidedHours.toFixed(1)} h of toil avoided
      </p>
    </div>
  );
}

function OnCall({ report }: { report: ImprovementReport }) {
  return (
    <div className="panel">
      <h2>On-call load</h2>
      {report.oncall.length === 0 ? (
        <p className="muted">Nobody was paged in the period.</p>
      ) : (
        <table className="table compact" data-testid="oncall-load">
          <thead>
            <tr>
              <th>person</th>
              <th>time zone</th>
              <th className="num">pages</th>
              <th className="num">night (22–07)</th>
              <th className="num">weekend</th>
              <th className="num">previous</th>
            </tr>
          </thead>
          <tbody>
            {report.oncall.map((p) => (
              <tr key={p.userId}>
                <td>{p.name}</td>
                <td>{p.timeZone}</td>
                <td className="num">{p.pages}</td>
                <td className="num">{p.nightPages}</td>
                <td className="num">{p.weekendPages}</td>
                <td className="num muted">{p.previousPages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function duration(ms: number | undefined): string {
  return ms === undefined ? '–' : formatDuration(ms);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
