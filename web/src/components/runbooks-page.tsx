import { formatAbsolute } from '../format.js';
import { executionHref, listExecutions, listRunbooks, runbookHref } from '../runbooks-api.js';
import { usePoll } from '../use-poll.js';
import { ApprovalInbox } from './approval-inbox.js';
import { ExecutionStatusBadge } from './execution-status-badge.js';
import { Notice } from './notice.js';

/** Runbooks change rarely; executions are polled faster on their own page. */
const RUNBOOKS_POLL_MS = 10_000;

/** Every runbook, the files that did not load (file:line:column), the approval inbox and recent executions. */
export function RunbooksPage() {
  const poll = usePoll('runbooks', (signal) => listRunbooks(signal), { intervalMs: RUNBOOKS_POLL_MS });
  const recent = usePoll('runbook-executions', (signal) => listExecutions({}, signal), { intervalMs: RUNBOOKS_POLL_MS });
  const list = poll.data;
  return (
    <section>
      <div className="page-head">
        <h1>Runbooks</h1>
        <a className="button" href="#/runbooks/new" data-testid="new-runbook">
          New runbook
        </a>
        <span className="muted small">Runbooks as code: docs/runbooks.md.</span>
      </div>
      {poll.error ? <Notice kind="error" title="Could not load runbooks">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading runbooks…" /> : null}
      {list && list.problems.length > 0 ? (
        <div className="panel" data-testid="runbook-problems">
          <h2>Files that did not load</h2>
          <ul className="problem-list">
            {list.problems.map((p) => (
              <li key={`${p.source}:${p.line}:${p.column}:${p.message}`}>
                <code>
                  {p.source}:{p.line}:{p.column}
                </code>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {list && list.runbooks.length === 0 ? <Notice kind="empty" title="No runbooks yet">Add YAML files to runbooks.dir, or create one here.</Notice> : null}
      {list && list.runbooks.length > 0 ? (
        <table className="table" data-testid="runbook-table">
          <thead>
            <tr>
              <th>Runbook</th>
              <th>Triggers</th>
              <th>Steps</th>
              <th>Safety</th>
              <th>Version</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.runbooks.map((runbook) => (
              <tr key={runbook.id} className={runbook.enabled ? undefined : 'muted'}>
                <td>
                  <a href={runbookHref(runbook.id)} data-testid="runbook-link">
                    {runbook.name}
                  </a>
                  <div className="muted small">
                    {runbook.id} · {runbook.origin === 'file' ? `file ${runbook.file ?? ''}` : 'API'}
                    {runbook.enabled ? '' : ' · disabled'}
                  </div>
                </td>
                <td className="small">
                  {runbook.triggers.incident ? <div>incident: <code>{runbook.triggers.incident}</code></div> : null}
                  {runbook.triggers.alert ? <div>alert: <code>{runbook.triggers.alert}</code></div> : null}
                  {runbook.triggers.schedule ? <div>schedule: <code>{runbook.triggers.schedule}</code></div> : null}
                  {runbook.triggers.manual ? <div>manual</div> : null}
                </td>
                <td>{runbook.stepCount}</td>
                <td className="small">
                  {runbook.approvalRequired ? 'approval required' : 'no approval'}
                  {runbook.autoRun ? ' · auto-run' : ''}
                </td>
                <td>v{runbook.version}</td>
                <td className="small">
                  {formatAbsolute(runbook.updatedMs)} <span className="muted">by {runbook.updatedBy}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ApprovalInbox />
      <div className="panel">
        <h2>Recent executions</h2>
        {recent.error ? <Notice kind="error" title="Could not load executions">{recent.error.message}</Notice> : null}
        {recent.data && recent.data.length === 0 ? <Notice kind="empty" title="No executions yet" /> : null}
        {recent.data && recent.data.length > 0 ? (
          <table className="table compact">
            <tbody>
              {recent.data.map((execution) => (
                <tr key={execution.id}>
                  <td>
                    <ExecutionStatusBadge status={execution.status} />
                    {execution.dryRun ? <span className="chip">dry run</span> : null}
                  </td>
                  <td>
                    <a href={executionHref(execution.id)}>{execution.runbookName}</a>
                  </td>
                  <td className="small muted">{execution.target ?? ''}</td>
                  <td className="small">{formatAbsolute(execution.createdMs)}</td>
                  <td className="small muted">{execution.trigger.kind}{execution.trigger.by ? ` by ${execution.trigger.by}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
