import { useState, type FormEvent } from 'react';
import { DECISIONS } from '../../../src/core/findings-api.js';
import { findingHref, getFindingsOverview, listFindings, NO_FINDING_FILTERS, type FindingFilters } from '../findings-api.js';
import { formatAbsolute } from '../format.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/** #/findings: the risk overview (open by SSVC decision, overdue, KEV, burn-down) and the findings table with filters. */
export function FindingsPage() {
  const [draft, setDraft] = useState<FindingFilters>(NO_FINDING_FILTERS);
  const [filters, setFilters] = useState<FindingFilters>(NO_FINDING_FILTERS);
  const overview = usePoll('findings-overview', (signal) => getFindingsOverview(signal));
  const list = usePoll(`findings:${JSON.stringify(filters)}`, (signal) => listFindings(filters, signal));

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setFilters(draft);
  };
  const o = overview.data;
  const peak = Math.max(1, ...(o?.burndown.map((p) => p.open) ?? []));

  return (
    <section>
      <div className="page-head">
        <h1>Security findings</h1>
        <span className="muted small">From scanner reports, prioritised by risk score and SSVC decision (docs/findings.md).</span>
      </div>
      {o ? (
        <div className="findings-overview" data-testid="findings-overview">
          <div className="stat">
            <strong data-testid="findings-open">{o.open}</strong> open
          </div>
          <div className="stat">
            <strong>{o.overdue}</strong> overdue
          </div>
          <div className="stat">
            <strong>{o.kev}</strong> in KEV
          </div>
          {[...DECISIONS].reverse().map((decision) => (
            <div className="stat" key={decision} data-testid={`decision-${decision}`}>
              <strong>{o.byDecision[decision]}</strong> {decision}
            </div>
          ))}
          <div className="burndown" title="Open findings over the last 30 days" aria-label="Burn-down of open findings">
            {o.burndown.map((point) => (
              <span key={point.timeMs} className="burndown-bar" style={{ height: `${Math.round((point.open / peak) * 40) + 1}px` }} title={`${formatAbsolute(point.timeMs)}: ${point.open} open, ${point.overdue} overdue`} />
            ))}
          </div>
        </div>
      ) : null}
      <form className="audit-filters" onSubmit={apply} aria-label="Finding filters">
        <label>
          Status <input name="status" value={draft.status} placeholder="open,triaged" onChange={(e) => setDraft({ ...draft, status: e.target.value })} />
        </label>
        <label>
          Decision <input name="decision" value={draft.decision} placeholder="Act,Attend" onChange={(e) => setDraft({ ...draft, decision: e.target.value })} />
        </label>
        <label>
          Service <input name="service" value={draft.service} placeholder="cart" onChange={(e) => setDraft({ ...draft, service: e.target.value })} />
        </label>
        <label>
          Search <input name="q" value={draft.q} placeholder="CVE-2021-23337, lodash" onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </label>
        <label>
          <input type="checkbox" checked={draft.kev} onChange={(e) => setDraft({ ...draft, kev: e.target.checked })} /> KEV only
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {list.error ? <Notice kind="error" title="Could not load findings">{list.error.message}</Notice> : null}
      {!list.data && !list.error ? <Notice kind="loading" title="Loading findings…" /> : null}
      {list.data && list.data.findings.length === 0 ? <Notice kind="empty" title="No findings match">Import a scanner report: opsloop findings import FILE</Notice> : null}
      {list.data && list.data.findings.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Score</th>
              <th>Decision</th>
              <th>Vulnerability</th>
              <th>Package</th>
              <th>Fix</th>
              <th>Service</th>
              <th>Status</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {list.data.findings.map((f) => (
              <tr key={f.id} data-testid="finding-row">
                <td>{f.priority.score.toFixed(1)}</td>
                <td>{f.priority.ssvc.decision}</td>
                <td>
                  <a href={findingHref(f.id)}>{f.vulnerabilityId}</a>
                  {f.priority.kev ? <span className="badge"> KEV</span> : null}
                </td>
                <td className="mono">
                  {f.package.name} {f.package.installedVersions.join(', ')}
                </td>
                <td className="mono">{f.fixedVersions.join(', ') || '—'}</td>
                <td>{f.services.join(', ') || f.target.name}</td>
                <td>{f.status}</td>
                <td className={f.overdue ? 'small nowrap overdue' : 'small nowrap'}>{formatAbsolute(f.priority.dueMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
