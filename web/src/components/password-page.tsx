import { useState, type FormEvent } from 'react';
import { setPassword } from '../access-api.js';
import type { WhoAmI } from '../access-types.js';
import { ApiError } from '../api.js';

const MIN_PASSWORD = 12;

/**
 * Change your own password: the current one proves it is you. The server ends every session
 * of the user, this one too, so the next call answers 401 and the login page follows.
 */
export function PasswordPage({ who }: { who: WhoAmI | undefined }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const userId = who?.user?.id;

  if (userId === undefined) return <p className="notice">Only a signed-in user has a password to change.</p>;
  const problem = next.length > 0 && next.length < MIN_PASSWORD ? `The new password needs at least ${MIN_PASSWORD} characters.` : repeat.length > 0 && repeat !== next ? 'The two new passwords differ.' : undefined;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setPassword(userId, next, current).then(
      () => setDone(true),
      (failure: unknown) => {
        setError(failure instanceof ApiError && failure.status === 403 ? 'The current password is wrong.' : failure instanceof Error ? failure.message : String(failure));
        setBusy(false);
      },
    );
  };

  if (done) {
    return (
      <p className="notice" role="status">
        Password changed. Every session of yours has ended: <a href="#/login" onClick={() => window.location.reload()}>sign in again</a>.
      </p>
    );
  }
  return (
    <form className="panel auth-box" aria-label="Change password" onSubmit={submit}>
      <h1>Change your password</h1>
      <label>
        Current password <input type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} required />
      </label>
      <label>
        New password <input type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} required />
      </label>
      <label>
        Repeat new password <input type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} required />
      </label>
      <button type="submit" className="button primary" disabled={busy || problem !== undefined || repeat !== next}>
        Change password
      </button>
      {problem ?? error ? (
        <p className="inline-error" role="alert">
          {problem ?? error}
        </p>
      ) : null}
    </form>
  );
}
