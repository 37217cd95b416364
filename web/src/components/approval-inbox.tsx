import { formatAbsolute } from '../format.js';
import { decideExecution, executionHref, listExecutions } from '../runbooks-api.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { incidentHref } from '../use-hash-route.js';
import { Notice } from './notice.js';

/** Executions waiting for a person: approve or reject each (the server checks who may). */
export function ApprovalInbox() {
  const poll = usePoll('approval-inbox', (signal) => listExecutions({ status: 'awaiting_approval' }, signal));
  const action = useAction(poll.refresh);
  const waiting = poll.data ?? [];
  return (
    <div className="panel" data-testid="approval-inbox">
      <h2>
        Awaiting approval <span className="muted">· {waiting.length}</span>
      </h2>
      {poll.error ? <Notice kind="error" title="Could not load the approval inbox">{poll.error.message}</Notice> : null}
      {action.error ? <Notice kind="error" title="Could not decide">{action.error}</Notice> : null}
      {poll.data && waiting.length === 0 ? <Notice kind="empty" title="Nothing waits for an approval" /> : null}
      {waiting.length > 0 ? (
        <table className="table compact">
          <tbody>
            {waiting.map((execution) => (
              <tr key={execution.id}>
                <td>
                  <a href={executionHref(execution.id)}>{execution.runbookName}</a>
                  {execution.target ? <span className="muted small"> on {execution.target}</span> : null}
                  {execution.incidentId ? (
                    <div className="small">
                      for <a href={incidentHref(execution.incidentId)}>incident {execution.incidentId}</a>
                    </div>
                  ) : null}
                </td>
                <td className="small">
                  {execution.approval ? `expires ${formatAbsolute(execution.approval.expiresMs)}` : ''}
                  {execution.approval?.notBy ? <div className="muted">four eyes: not {execution.approval.notBy}</div> : null}
                </td>
                <td>
                  <button className="button" disabled={action.pending} onClick={() => void action.run(() => decideExecution(execution.id, 'approve'))}>
                    Approve
                  </button>{' '}
                  <button className="button" disabled={action.pending} onClick={() => void action.run(() => decideExecution(execution.id, 'reject'))}>
                    Reject
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
