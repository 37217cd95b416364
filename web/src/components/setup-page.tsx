import { useState, type FormEvent } from 'react';
import { completeSetup } from '../access-api.js';
import type { WhoAmI } from '../access-types.js';
import { ApiError } from '../api.js';

const MIN_PASSWORD = 12;

/** The one-time setup link's page: creates the first admin and signs them in (docs/access.md#first-start). */
export function SetupPage({ token, onSignedIn }: { token: string; onSignedIn: (who: WhoAmI) => void }) {
  const [id, setId] = useState('admin');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const problem = password.length > 0 && password.length < MIN_PASSWORD ? `The password needs at least ${MIN_PASSWORD} characters.` : repeat.length > 0 && repeat !== password ? 'The two passwords differ.' : undefined;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (problem !== undefined) return;
    setBusy(true);
    setError(undefined);
    completeSetup(token, { id, name: name || id }, password).then(onSignedIn, (failure: unknown) => {
      setError(failure instanceof ApiError && failure.status === 401 ? 'This setup link is unknown, used or expired: restart opsloop for a new one.' : failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    });
  };

  if (token === '') return <p className="notice notice-error">This page needs the setup link printed on opsloop's console (…/#/setup?token=…).</p>;
  return (
    <form className="panel auth-box" aria-label="Create the first admin" onSubmit={submit}>
      <h1>Create the first admin</h1>
      <p className="muted small">This link works once. The admin you create here can add everyone else.</p>
      <label>
        User id <input name="id" autoComplete="username" value={id} onChange={(event) => setId(event.target.value)} required />
      </label>
      <label>
        Name <input name="name" value={name} onChange={(event) => setName(event.target.value)} placeholder="shown on the timeline" />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
      </label>
      <label>
        Repeat password <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} required />
      </label>
      <button type="submit" className="button primary" disabled={busy || problem !== undefined || repeat !== password}>
        Create admin and sign in
      </button>
      {problem ?? error ? (
        <p className="inline-error" role="alert">
          {problem ?? error}
        </p>
      ) : null}
    </form>
  );
}
