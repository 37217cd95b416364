import { useState } from 'react';
import { getFinding, patchFinding } from '../findings-api.js';
import { formatAbsolute } from '../format.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

const DAY_MS = 86_400_000;

/** #/findings/{id}: the score factor by factor, the SSVC decision with its reasons, the remediation plan, evidence and history. */
export function FindingPage({ id }: { id: string }) {
  const detail = usePoll(`finding:${id}`, (signal) => getFinding(id, signal));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  if (detail.error) return <Notice kind="error" title="Could not load the finding">{detail.error.message}</Notice>;
  if (!detail.data) return <Notice kind="loading" title="Loading the finding…" />;
  const { finding, history, plan, evidence } = detail.data;
  const { priority } = finding;

  const move = async (status: 'triaged' | 'in_remediation' | 'risk_accepted' | 'open'): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const reason = status === 'risk_accepted' ? (window.prompt('Why is the risk accepted?') ?? '') : undefined;
      if (status === 'risk_accepted' && !reason) return;
      await patchFinding(id, { status, ...(reason ? { reason, expiresAt: Date.now() + 90 * DAY_MS } : {}) });
      detail.refresh();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1 data-testid="finding-title">
          {finding.vulnerabilityId} in {finding.package.name}
        </h1>
        <span className="badge" data-testid="finding-status">
          {finding.status}
        </span>
      </div>
      <p className="muted">{finding.title ?? finding.description ?? ''}</p>
      <p>
        {finding.target.kind} <span className="mono">{finding.target.name}</span> · services {finding.services.join(', ') || 'none mapped'} · team {finding.team ?? 'none'} · aliases {finding.aliases.join(', ')} · scanners {finding.scanners.join(', ')}
      </p>
      <div className="actions">
        {(['triaged', 'in_remediation', 'risk_accepted', 'open'] as const).map((status) => (
          <button key={status} type="button" className="button" disabled={busy || finding.status === status} onClick={() => void move(status)}>
            {status === 'in_remediation' ? 'Start remediation' : status === 'risk_accepted' ? 'Accept risk (90 days)' : status === 'open' ? 'Reopen' : 'Triage'}
          </button>
        ))}
      </div>
      {failure ? <Notice kind="error" title="Not changed">{failure}</Notice> : null}
      <h2>
        Risk score <span data-testid="finding-score">{priority.score.toFixed(1)}</span> · SSVC <span data-testid="finding-decision">{priority.ssvc.decision}</span> · due {formatAbsolute(priority.dueMs)}
        {finding.overdue ? ' (overdue)' : ''}
      </h2>
      <table className="table" data-testid="score-breakdown">
        <thead>
          <tr>
            <th>Factor</th>
            <th>Points</th>
            <th>Weight</th>
            <th>Adds</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {priority.breakdown.map((factor) => (
            <tr key={factor.factor}>
              <td>{factor.factor}</td>
              <td>
                {factor.points} / {factor.max}
              </td>
              <td>{factor.weight}</td>
              <td>{factor.weighted}</td>
              <td className="small">{factor.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>SSVC</h2>
      <ul>
        {priority.ssvc.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <h2>Remediation</h2>
      <p data-testid="finding-plan">{plan.action}</p>
      {plan.upgradePath.length > 0 ? <p className="mono">{plan.upgradePath.join('; ')}</p> : null}
      <h2>Evidence</h2>
      <p>{evidence.runtime}</p>
      <ul>
        {evidence.scans.map((scan) => (
          <li key={scan.id} className="small">
            {formatAbsolute(scan.importedMs)} · {scan.format} · {scan.observations} vulnerabilities · {scan.id}
          </li>
        ))}
      </ul>
      <h2>History</h2>
      <ul data-testid="finding-history">
        {history.map((entry) => (
          <li key={`${entry.timeMs}-${entry.to}-${entry.reason}`} className="small">
            {formatAbsolute(entry.timeMs)} · {entry.from ? `${entry.from} → ` : ''}
            {entry.to} · {entry.by}: {entry.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
