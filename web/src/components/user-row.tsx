import { useState } from 'react';
import { ROLES } from '../../../src/core/access.js';
import { saveUser, setPassword } from '../access-api.js';
import type { Role, Team, User } from '../access-types.js';
import { useAction } from '../use-action.js';

const MIN_PASSWORD = 12;

interface Props {
  user: User;
  teams: readonly Team[];
  /** The signed-in admin: setting one's own password needs the current one, so it is not offered here. */
  selfId: string | undefined;
  onSaved: () => void;
}

/** One user's role and teams, saved together, and a new password set by the admin. */
export function UserRow({ user, teams, selfId, onSaved }: Props) {
  const [role, setRole] = useState<Role>(user.role);
  const [memberOf, setMemberOf] = useState<readonly string[]>(user.teams);
  const [password, setNewPassword] = useState<string | undefined>(undefined);
  const save = useAction(onSaved);
  const changePassword = useAction(() => setNewPassword(undefined));
  const changed = role !== user.role || memberOf.join() !== user.teams.join();

  return (
    <tr data-testid="user-row">
      <td className="mono">{user.id}</td>
      <td>
        {user.name}
        {user.email ? <div className="muted small">{user.email}</div> : null}
      </td>
      <td>
        <select aria-label={`Role of ${user.id}`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      </td>
      <td>
        {teams.length === 0 ? <span className="muted small">no teams yet</span> : null}
        {teams.map((team) => (
          <label key={team.id} className="team-choice">
            <input
              type="checkbox"
              checked={memberOf.includes(team.id)}
              onChange={(event) => setMemberOf(event.target.checked ? [...memberOf, team.id] : memberOf.filter((id) => id !== team.id))}
            />{' '}
            {team.name}
          </label>
        ))}
      </td>
      <td>
        <button type="button" className="button" disabled={!changed || save.pending} onClick={() => void save.run(() => saveUser({ ...user, role, teams: [...memberOf] }))}>
          Save
        </button>
        {save.error ? <p className="inline-error">{save.error}</p> : null}
      </td>
      <td>
        {user.id === selfId ? null : password === undefined ? (
          <button type="button" className="link-button" onClick={() => setNewPassword('')}>
            Set password…
          </button>
        ) : (
          <form
            className="password-row"
            onSubmit={(event) => {
              event.preventDefault();
              void changePassword.run(() => setPassword(user.id, password));
            }}
          >
            <input type="password" autoComplete="new-password" aria-label={`New password of ${user.id}`} value={password} onChange={(event) => setNewPassword(event.target.value)} />
            <button type="submit" className="button" disabled={password.length < MIN_PASSWORD || changePassword.pending} title={`at least ${MIN_PASSWORD} characters`}>
              Set
            </button>
            <button type="button" className="link-button" onClick={() => setNewPassword(undefined)}>
              cancel
            </button>
            {changePassword.error ? <p className="inline-error">{changePassword.error}</p> : null}
          </form>
        )}
      </td>
    </tr>
  );
}
