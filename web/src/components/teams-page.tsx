import { useState, type FormEvent } from 'react';
import { createTeam, deleteTeam, listTeams } from '../access-api.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/**
 * Teams (docs/access.md#teams): a team owns incidents, services, schedules and runbooks, and
 * people who are not admins see only what no team owns and what their teams own.
 */
export function TeamsPage() {
  const teams = usePoll('teams', (signal) => listTeams(signal), { intervalMs: 30_000 });
  const remove = useAction(teams.refresh);
  return (
    <section>
      <div className="page-head">
        <h1>Teams</h1>
        <a href="#/users">Users →</a>
      </div>
      <NewTeamForm onCreated={teams.refresh} />
      {teams.error ? <Notice kind="error" title="Could not load teams">{teams.error.message}</Notice> : null}
      {teams.data && teams.data.length === 0 ? <Notice kind="empty" title="No teams yet">Add one above, then put people in it on the Users page.</Notice> : null}
      {remove.error ? <p className="inline-error">{remove.error}</p> : null}
      {teams.data && teams.data.length > 0 ? (
        <table className="table" data-testid="teams">
          <thead>
            <tr>
              <th>Id</th>
              <th>Name</th>
              <th>Description</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {teams.data.map((team) => (
              <tr key={team.id} data-testid="team-row">
                <td className="mono">{team.id}</td>
                <td>{team.name}</td>
                <td className="muted">{team.description}</td>
                <td>
                  <button type="button" className="button" disabled={remove.pending} onClick={() => void remove.run(() => deleteTeam(team.id))}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function NewTeamForm({ onCreated }: { onCreated: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useAction(() => {
    setId('');
    setName('');
    setDescription('');
    onCreated();
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void create.run(() => createTeam({ id, name, ...(description ? { description } : {}) }));
  };
  return (
    <form className="panel" aria-label="New team" onSubmit={submit}>
      <h2>New team</h2>
      <div className="search-filters">
        <label>
          Id <input aria-label="New team id" value={id} onChange={(event) => setId(event.target.value)} placeholder="payments" required />
        </label>
        <label>
          Name <input aria-label="New team name" value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label>
          Description <input aria-label="New team description" value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={create.pending}>
          Add team
        </button>
      </div>
      {create.error ? <p className="inline-error">{create.error}</p> : null}
    </form>
  );
}
