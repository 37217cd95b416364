import { useState } from 'react';
import { formatAbsolute } from '../format.js';
import type { RunbookDetail, RunbookProblemView } from '../runbooks-api.js';
import { executionHref, getRunbook, getRunbookVersion, runbookHref, saveRunbook, startExecution, validateRunbook } from '../runbooks-api.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

const NEW_RUNBOOK = `id: my-runbook
name: What it fixes
triggers:
  incident: 'size(incident.causes) > 0'
inputs:
  service: { type: string, default: '{{ incident.causes[0].service }}' }
steps:
  - id: settle
    type: wait
    seconds: 5
`;

/** One runbook: its YAML in an editor checked by the server, its versions, and starting it. `id` undefined: a new one. */
export function RunbookPage({ id }: { id: string | undefined }) {
  const poll = usePoll(`runbook:${id ?? 'new'}`, (signal) => (id === undefined ? Promise.resolve(undefined) : getRunbook(id, signal)), { intervalMs: 60_000 });
  if (id !== undefined && poll.error) return <Notice kind="error" title={`Could not load runbook ${id}`}>{poll.error.message}</Notice>;
  if (id !== undefined && !poll.data) return <Notice kind="loading" title="Loading the runbook…" />;
  // Keyed by version: a save reloads the editor with what the server now holds.
  return <RunbookEditor key={poll.data ? `${poll.data.id}@${poll.data.version}` : 'new'} runbook={poll.data} onSaved={poll.refresh} />;
}

function RunbookEditor({ runbook, onSaved }: { runbook: RunbookDetail | undefined; onSaved: () => void }) {
  const [source, setSource] = useState(runbook?.source ?? NEW_RUNBOOK);
  const [problems, setProblems] = useState<RunbookProblemView[] | undefined>(undefined);
  const [shownVersion, setShownVersion] = useState<{ version: number; source: string } | undefined>(undefined);
  const check = useAction(() => undefined);
  const save = useAction(onSaved);
  const readOnly = runbook?.origin === 'file';

  const validate = () =>
    void check.run(async () => {
      setProblems((await validateRunbook(source)).problems);
    });
  const store = () =>
    void save.run(async () => {
      const saved = await saveRunbook(source, runbook?.id);
      setProblems([]);
      if (!runbook) window.location.hash = runbookHref(saved.id);
    });
  const showVersion = (version: number) => void check.run(async () => setShownVersion({ version, source: await getRunbookVersion(runbook?.id ?? '', version) }));

  return (
    <section>
      <div className="page-head">
        <h1>{runbook ? runbook.name : 'New runbook'}</h1>
        {runbook ? (
          <span className="muted small">
            {runbook.id} · v{runbook.version} · {runbook.origin === 'file' ? `file ${runbook.file ?? ''} (edit the file)` : 'saved through the API'}
          </span>
        ) : null}
        <a href="#/runbooks" className="small">
          All runbooks
        </a>
      </div>
      {runbook ? <StartPanel runbook={runbook} /> : null}
      <div className="panel">
        <h2>YAML</h2>
        <textarea
          className="code-editor"
          data-testid="runbook-source"
          spellCheck={false}
          rows={Math.min(40, Math.max(12, source.split('\n').length + 1))}
          value={source}
          readOnly={readOnly}
          onChange={(event) => {
            setSource(event.target.value);
            setProblems(undefined);
          }}
        />
        <div className="form-actions">
          <button className="button" onClick={validate} disabled={check.pending} data-testid="validate-runbook">
            Validate
          </button>{' '}
          {readOnly ? null : (
            <button className="button primary" onClick={store} disabled={save.pending} data-testid="save-runbook">
              {runbook ? 'Save as a new version' : 'Create'}
            </button>
          )}
        </div>
        {check.error ? <Notice kind="error" title="Could not check">{check.error}</Notice> : null}
        {save.error ? <Notice kind="error" title="Not saved">{save.error}</Notice> : null}
        {problems && problems.length === 0 ? <div className="verdict ok" data-testid="runbook-valid">Valid</div> : null}
        {problems && problems.length > 0 ? (
          <ul className="problem-list" data-testid="runbook-problems">
            {problems.map((p) => (
              <li key={`${p.line}:${p.column}:${p.message}`}>
                <code>
                  line {p.line}:{p.column}
                </code>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {runbook && runbook.versions.length > 0 ? (
        <div className="panel" data-testid="runbook-versions">
          <h2>Versions</h2>
          <ul>
            {runbook.versions.map((v) => (
              <li key={v.version}>
                <button className="link-button" onClick={() => showVersion(v.version)}>
                  v{v.version}
                </button>{' '}
                <span className="small">
                  {formatAbsolute(v.createdMs)} <span className="muted">by {v.createdBy}</span>
                </span>
              </li>
            ))}
          </ul>
          {shownVersion ? (
            <>
              <h3>
                v{shownVersion.version}{' '}
                <button className="link-button" onClick={() => setSource(shownVersion.source)}>
                  put in the editor
                </button>
              </h3>
              <pre className="code-block">{shownVersion.source}</pre>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Run or dry-run it, optionally for an incident; the execution page shows the steps. */
function StartPanel({ runbook }: { runbook: RunbookDetail }) {
  const [incidentId, setIncidentId] = useState('');
  const start = useAction(() => undefined);
  const go = (dryRun: boolean) =>
    void start.run(async () => {
      const execution = await startExecution(runbook.id, { dryRun, ...(incidentId.trim() ? { incidentId: incidentId.trim() } : {}) });
      window.location.hash = executionHref(execution.id);
    });
  return (
    <div className="panel">
      <h2>Start</h2>
      <div className="form-row">
        <label>
          Incident <span className="muted small">(optional: templates read it, its timeline tells the outcome)</span>
          <input value={incidentId} onChange={(event) => setIncidentId(event.target.value)} placeholder="incident id" />
        </label>
        <button className="button" onClick={() => go(true)} disabled={start.pending || !runbook.enabled} data-testid="dry-run">
          Dry run
        </button>{' '}
        <button className="button primary" onClick={() => go(false)} disabled={start.pending || !runbook.enabled} data-testid="run">
          Run
        </button>
      </div>
      <div className="muted small">
        {runbook.steps.length} steps: {runbook.steps.map((s) => `${s.id} (${s.type})`).join(', ')}
        {runbook.approval.required ? ' · needs an approval' : ''}
      </div>
      {start.error ? <Notice kind="error" title="Not started">{start.error}</Notice> : null}
    </div>
  );
}
