import { executionHref, getRecommendations, runbookHref, startExecution } from '../runbooks-api.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/** Recommendations move only when executions end: poll slowly. */
const RECOMMENDATIONS_POLL_MS = 15_000;

/** Runbooks for this incident, best first, with the evidence from similar incidents; run or dry-run one. */
export function RunbookRecommendations({ incidentId }: { incidentId: string }) {
  const poll = usePoll(`recommendations:${incidentId}`, (signal) => getRecommendations(incidentId, signal), { intervalMs: RECOMMENDATIONS_POLL_MS });
  const start = useAction(() => undefined);
  const go = (runbookId: string, dryRun: boolean) =>
    void start.run(async () => {
      const execution = await startExecution(runbookId, { dryRun, incidentId });
      window.location.hash = executionHref(execution.id);
    });
  const recommendations = poll.data?.recommendations ?? [];
  return (
    <div className="panel" data-testid="runbook-recommendations">
      <h2>
        Runbooks <span className="muted">· ranked by success on similar incidents</span>
      </h2>
      {poll.error ? <Notice kind="error" title="Could not load runbook recommendations">{poll.error.message}</Notice> : null}
      {start.error ? <Notice kind="error" title="Not started">{start.error}</Notice> : null}
      {poll.data && recommendations.length === 0 ? <Notice kind="empty" title="No runbook's trigger matches this incident" /> : null}
      {recommendations.length > 0 ? (
        <ol className="recommendation-list">
          {recommendations.map((r) => (
            <li key={r.runbookId} data-testid="recommendation">
              <div className="cause-line">
                <a href={runbookHref(r.runbookId)}>{r.runbookName}</a>
                <span className="score-value" title="Confidence: posterior success rate on similar incidents">
                  {Math.round(r.confidence * 100)}%
                </span>
                <button className="button" disabled={start.pending} onClick={() => go(r.runbookId, true)} data-testid="recommendation-dry-run">
                  Dry run
                </button>
                <button className="button primary" disabled={start.pending} onClick={() => go(r.runbookId, false)}>
                  Run
                </button>
              </div>
              <div className="small">{r.evidence}</div>
              <div className="muted small">
                matched by its {r.by} trigger · {r.autoRun.allowed ? 'may auto-run' : `no auto-run: ${r.autoRun.reason}`}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
