import { listPolicies } from '../notify-api.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/** Escalation policies: each level's targets and how long it waits for an acknowledgement. */
export function EscalationPoliciesPage() {
  const poll = usePoll('escalation-policies', (signal) => listPolicies(signal), { intervalMs: 30_000 });
  const policies = poll.data?.items;
  return (
    <section>
      <div className="page-head">
        <h1>Escalation policies</h1>
        <a href="#/oncall">On call →</a>
      </div>
      {poll.error ? <Notice kind="error" title="Could not load escalation policies">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading escalation policies…" /> : null}
      {policies && policies.length === 0 ? (
        <Notice kind="empty" title="No escalation policies yet">Create one with POST /api/v1/escalation-policies and name it in a routing rule.</Notice>
      ) : null}
      {policies?.map((policy) => (
        <div key={policy.id} className="panel" data-testid="escalation-policy">
          <h2>
            {policy.name} <span className="muted">{policy.id}</span>
          </h2>
          <ol className="levels">
            {policy.levels.map((level, index) => (
              <li key={index}>
                {level.targets.map((target) => (
                  <span key={`${target.type}:${target.id}`} className="target">
                    {target.type === 'schedule' ? <a href="#/oncall">{target.id}</a> : target.id} <span className="muted">({target.type})</span>
                  </span>
                ))}
                <span className="muted"> — then after {level.escalateAfterMinutes} min without acknowledgement</span>
              </li>
            ))}
          </ol>
          <p className="muted">{policy.repeat > 0 ? `Runs again from level 1, ${policy.repeat} more time(s).` : 'Stops after the last level.'}</p>
        </div>
      ))}
    </section>
  );
}
