import { useState, type FormEvent } from 'react';
import { ROLES } from '../../../src/core/access.js';
import { createUser, listTeams } from '../access-api.js';
import type { Role, WhoAmI } from '../access-types.js';
import { listUsers } from '../notify-api.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { UserRow } from './user-row.js';

/**
 * People (admins only change them, docs/access.md#users): the same users on-call schedules
 * rotate, with the role that decides what each may do and the teams whose incidents they see.
 */
export function UsersPage({ who }: { who: WhoAmI | undefined }) {
  const users = usePoll('users', (signal) => listUsers(signal), { intervalMs: 30_000 });
  const teams = usePoll('teams', (signal) => listTeams(signal), { intervalMs: 30_000 });
  return (
    <section>
      <div className="page-head">
        <h1>Users</h1>
        <a href="#/teams">Teams →</a>
        <a href="#/oncall">On call →</a>
      </div>
      <NewUserForm onCreated={users.refresh} />
      {users.error ? <Notice kind="error" title="Could not load users">{users.error.message}</Notice> : null}
      {users.loading ? <Notice kind="loading" title="Loading users…" /> : null}
      {users.data && users.data.items.length > 0 ? (
        <table className="table" data-testid="users">
          <thead>
            <tr>
              <th>Id</th>
              <th>Name</th>
              <th>Role</th>
              <th>Teams</th>
              <th />
              <th>Password</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              // key by the stored record: a saved change from elsewhere resets the row's draft.
              <UserRow key={`${user.id}:${user.role}:${user.teams.join()}`} user={user} teams={teams.data ?? []} selfId={who?.user?.id} onSaved={users.refresh} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useAction(() => {
    setId('');
    setName('');
    setEmail('');
    onCreated();
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void create.run(() => createUser({ id, name, role, teams: [], timeZone: 'UTC', ...(email ? { email } : {}) }));
  };
  return (
    <form className="panel" aria-label="New user" onSubmit={submit}>
      <h2>New user</h2>
      <div className="search-filters">
        <label>
          Id <input aria-label="New user id" value={id} onChange={(event) => setId(event.target.value)} placeholder="ana" required />
        </label>
        <label>
          Name <input aria-label="New user name" value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label>
          Email <input aria-label="New user email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label>
          Role{' '}
          <select aria-label="New user role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary" disabled={create.pending}>
          Add user
        </button>
      </div>
      <p className="muted small">Then set their password in their row below.</p>
      {create.error ? <p className="inline-error">{create.error}</p> : null}
    </form>
  );
}
