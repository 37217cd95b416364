import { formatAbsolute } from '../format.js';
import { decideExecution, getExecution, runbookHref } from '../runbooks-api.js';
import { useAction } from '../use-action.js';
import { incidentHref } from '../use-hash-route.js';
import { usePoll } from '../use-poll.js';
import { ExecutionStatusBadge } from './execution-status-badge.js';
import { Notice } from './notice.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'rejected', 'expired']);
/** Steps end within seconds: poll fast while it runs. */
const LIVE_POLL_MS = 1000;

/** One execution: its steps as they end (live), their outputs and errors; cancel, approve or reject it. */
export function ExecutionPage({ id }: { id: string }) {
  const poll = usePoll(`execution:${id}`, (signal) => getExecution(id, signal), { intervalMs: LIVE_POLL_MS });
  const action = useAction(poll.refresh);
  const execution = poll.data;
  if (!execution) return poll.error ? <Notice kind="error" title={`Could not load execution ${id}`}>{poll.error.message}</Notice> : <Notice kind="loading" title="Loading the execution…" />;
  const live = !FINAL.has(execution.status);
  return (
    <section data-testid="execution-page">
      <div className="page-head">
        <h1>
          <a href={runbookHref(execution.runbookId)}>{execution.runbookName}</a> <ExecutionStatusBadge status={execution.status} />
          {execution.dryRun ? <span className="chip">dry run</span> : null}
        </h1>
        <span className="muted small">
          v{execution.runbookVersion} · {execution.trigger.kind}
          {execution.trigger.by ? ` by ${execution.trigger.by}` : ''} · created {formatAbsolute(execution.createdMs)}
          {execution.target ? ` · target ${execution.target}` : ''}
        </span>
        {execution.incidentId ? <a href={incidentHref(execution.incidentId)}>incident {execution.incidentId}</a> : null}
      </div>
      {poll.error ? <Notice kind="error" title="Lost contact; showing the last state">{poll.error.message}</Notice> : null}
      {action.error ? <Notice kind="error" title="Could not do that">{action.error}</Notice> : null}
      <div className="form-actions">
        {execution.status === 'awaiting_approval' ? (
          <>
            <button className="button primary" disabled={action.pending} onClick={() => void action.run(() => decideExecution(execution.id, 'approve'))}>
              Approve
            </button>{' '}
            <button className="button" disabled={action.pending} onClick={() => void action.run(() => decideExecution(execution.id, 'reject'))}>
              Reject
            </button>{' '}
          </>
        ) : null}
        {live ? (
          <button className="button" disabled={action.pending} onClick={() => void action.run(() => decideExecution(execution.id, 'cancel'))} data-testid="cancel-execution">
            Cancel
          </button>
        ) : null}
        {live && execution.currentStep ? <span className="muted small"> running step {execution.currentStep}…</span> : null}
      </div>
      {execution.error ? <Notice kind="error" title={execution.failedStep ? `Step ${execution.failedStep} failed` : 'Ended with an error'}>{execution.error}</Notice> : null}
      <div className="panel">
        <h2>Steps</h2>
        {execution.steps.length === 0 ? <Notice kind="empty" title={live ? 'No step has ended yet' : 'No steps ran'} /> : null}
        <ol className="step-list" data-testid="execution-steps">
          {execution.steps.map((step) => (
            <li key={`${step.phase}:${step.stepId}:${step.startedMs}`} data-testid="execution-step">
              <div>
                <ExecutionStatusBadge status={step.status} /> <strong>{step.stepId}</strong> <span className="muted">{step.type}</span>
                {step.phase === 'rollback' ? <span className="chip">rollback</span> : null}
                <span className="muted small">
                  {' '}
                  {((step.endedMs - step.startedMs) / 1000).toFixed(1)} s{step.attempts > 1 ? ` · ${step.attempts} attempts` : ''}
                </span>
              </div>
              {step.error ? <div className="small error-text">{step.error}</div> : null}
              {step.output ? <pre className="code-block small">{JSON.stringify(step.output, null, 2)}</pre> : null}
            </li>
          ))}
        </ol>
      </div>
      {Object.keys(execution.inputs).length > 0 ? (
        <div className="panel">
          <h2>Inputs</h2>
          <pre className="code-block small">{JSON.stringify(execution.inputs, null, 2)}</pre>
        </div>
      ) : null}
    </section>
  );
}
