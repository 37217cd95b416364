import { useState, type FormEvent } from 'react';
import { login } from '../access-api.js';
import type { WhoAmI } from '../access-types.js';
import { loginErrorMessage } from '../login-error.js';

interface Props {
  /** No admin exists yet: only the setup link printed on the console gets anyone in. */
  setupRequired: boolean;
  onSignedIn: (who: WhoAmI) => void;
}

/** Sign-in with user and password; the server sets the session cookie (docs/access.md#sessions). */
export function LoginPage({ setupRequired, onSignedIn }: Props) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    login(user, password).then(
      (who) => {
        setPassword('');
        onSignedIn(who);
      },
      (failure: unknown) => {
        setError(loginErrorMessage(failure));
        setBusy(false);
      },
    );
  };

  return (
    <form className="panel auth-box" aria-label="Sign in" onSubmit={submit}>
      <h1>Sign in to opsloop</h1>
      {setupRequired ? (
        <p className="notice" role="status">
          No admin can sign in yet. Open the setup link opsloop printed on its console, or start it with OPSLOOP_ADMIN_PASSWORD set (docs/access.md).
        </p>
      ) : null}
      <label>
        User <input name="user" autoComplete="username" value={user} onChange={(event) => setUser(event.target.value)} required autoFocus />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
      </label>
      <button type="submit" className="button primary" disabled={busy}>
        Sign in
      </button>
      {error ? (
        <p className="inline-error" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
