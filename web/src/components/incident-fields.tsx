import { useState } from 'react';
import { editIncident } from '../api.js';
import type { Incident, Priority, Severity } from '../types.js';
import { useAction } from '../use-action.js';

const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** Severity, priority, assignee and team of an incident; only what changed is sent. */
export function IncidentFields({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [priority, setPriority] = useState<Priority | ''>(incident.priority ?? '');
  const [assignee, setAssignee] = useState(incident.assignee ?? '');
  const [team, setTeam] = useState(incident.team ?? '');
  const action = useAction(onChanged);
  const closed = incident.status === 'closed';

  const edit = {
    ...(severity !== incident.severity ? { severity } : {}),
    ...(priority !== '' && priority !== incident.priority ? { priority } : {}),
    ...(assignee.trim() !== (incident.assignee ?? '') ? { assignee: assignee.trim() || null } : {}),
    ...(team.trim() !== (incident.team ?? '') ? { team: team.trim() || null } : {}),
  };
  const dirty = Object.keys(edit).length > 0;

  return (
    <form
      className="panel field-form"
      data-testid="incident-fields"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(() => editIncident(incident.id, edit));
      }}
    >
      <h2>Triage</h2>
      <div className="field-row">
        <label>
          Severity
          <select value={severity} disabled={closed} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={priority} disabled={closed} onChange={(e) => setPriority(e.target.value as Priority | '')} data-testid="priority-select">
            <option value="">—</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Assignee
          <input value={assignee} disabled={closed} onChange={(e) => setAssignee(e.target.value)} placeholder="unassigned" data-testid="assignee-input" />
        </label>
        <label>
          Team
          <input value={team} disabled={closed} onChange={(e) => setTeam(e.target.value)} placeholder="—" />
        </label>
        <button className="button" type="submit" disabled={!dirty || closed || action.pending} data-testid="save-fields">
          {action.pending ? 'Saving…' : 'Save'}
        </button>
      </div>
      {closed ? <p className="muted small">A closed incident's fields are final.</p> : null}
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </form>
  );
}
