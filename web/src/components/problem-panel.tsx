import { useState } from 'react';
import { createProblem, linkProblem, listProblems, unlinkProblem, updateProblem } from '../api.js';
import type { Problem } from '../types.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';

/** The incident's problem (known error, workaround), or the means to link one. */
export function ProblemPanel({ incidentId, problem, onChanged }: { incidentId: string; problem: Problem | undefined; onChanged: () => void }) {
  const action = useAction(onChanged);
  return (
    <div className="panel" data-testid="problem-panel">
      <h2>Problem</h2>
      {problem ? <LinkedProblem incidentId={incidentId} problem={problem} action={action} /> : <LinkForm incidentId={incidentId} action={action} />}
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}

function LinkedProblem({ incidentId, problem, action }: { incidentId: string; problem: Problem; action: ReturnType<typeof useAction> }) {
  const [knownError, setKnownError] = useState(problem.knownError ?? '');
  const [workaround, setWorkaround] = useState(problem.workaround ?? '');
  const dirty = knownError !== (problem.knownError ?? '') || workaround !== (problem.workaround ?? '');
  return (
    <div>
      <div className="cause-line">
        <strong data-testid="problem-title">{problem.title}</strong>
        <span className="chip">{problem.status.replaceAll('_', ' ')}</span>
        <span className="muted small">
          {problem.incidentIds.length} incident{problem.incidentIds.length === 1 ? '' : 's'} · {problem.id}
        </span>
        <button className="link-button small" disabled={action.pending} onClick={() => void action.run(() => unlinkProblem(problem.id, incidentId))}>
          unlink
        </button>
      </div>
      <div className="field-row">
        <label className="grow">
          Known error
          <textarea rows={2} value={knownError} onChange={(e) => setKnownError(e.target.value)} placeholder="The diagnosed root cause" />
        </label>
        <label className="grow">
          Workaround
          <textarea rows={2} value={workaround} onChange={(e) => setWorkaround(e.target.value)} placeholder="What to do when it strikes again" />
        </label>
        <button
          className="button"
          disabled={!dirty || action.pending}
          onClick={() => void action.run(() => updateProblem(problem.id, { knownError, workaround, ...(knownError.trim() && problem.status === 'open' ? { status: 'known_error' as const } : {}) }))}
        >
          Save
        </button>
      </div>
    </div>
  );
}

function LinkForm({ incidentId, action }: { incidentId: string; action: ReturnType<typeof useAction> }) {
  const problems = usePoll('problems', (signal) => listProblems(signal), { intervalMs: 30_000 });
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  const open = (problems.data?.problems ?? []).filter((p) => p.status !== 'closed');
  return (
    <div className="field-row">
      <label>
        Link to
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">choose a problem…</option>
          {open.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} ({p.incidentIds.length})
            </option>
          ))}
        </select>
      </label>
      <button className="button" disabled={chosen === '' || action.pending} onClick={() => void action.run(() => linkProblem(chosen, incidentId))}>
        Link
      </button>
      <span className="muted">or</span>
      <label className="grow">
        New problem
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="What keeps happening" />
      </label>
      <button className="button" disabled={title.trim() === '' || action.pending} onClick={() => void action.run(() => createProblem(title.trim(), [incidentId]))}>
        Create and link
      </button>
    </div>
  );
}
