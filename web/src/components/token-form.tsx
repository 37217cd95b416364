import { useState, type FormEvent } from 'react';
import { SCOPES } from '../../../src/core/access.js';
import { createToken } from '../access-api.js';
import type { Scope, TokenCreated } from '../access-types.js';

const EXPIRY_DAYS: ReadonlyArray<number | null> = [7, 30, 90, 365, null];

interface Props {
  /** The scopes the signed-in person holds; a token can carry no more. */
  allowed: ReadonlySet<Scope>;
  /** Admins may create integration keys: ingest only, owned by no user. */
  isAdmin: boolean;
  onCreated: (created: TokenCreated) => void;
}

/** New API token: a name saying what it is for, its scopes and when it expires. */
export function TokenForm({ allowed, isAdmin, onCreated }: Props) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [expiresInDays, setExpiresInDays] = useState<number | null>(90);
  const [integration, setIntegration] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const toggle = (scope: Scope, on: boolean): void => setScopes(on ? [...scopes, scope] : scopes.filter((s) => s !== scope));
  const chosen: Scope[] = integration ? ['ingest'] : scopes;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    createToken({ name, scopes: chosen, expiresInDays, integration }).then(
      (created) => {
        setName('');
        setBusy(false);
        onCreated(created);
      },
      (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : String(failure));
        setBusy(false);
      },
    );
  };

  return (
    <form className="panel" aria-label="New token" onSubmit={submit}>
      <h2>New token</h2>
      <div className="search-filters">
        <label>
          Name <input aria-label="Token name" value={name} onChange={(event) => setName(event.target.value)} placeholder="otel-collector prod" required />
        </label>
        <fieldset className="scopes" disabled={integration}>
          <legend className="muted small">Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope} title={allowed.has(scope) ? undefined : 'your role does not include this'}>
              <input type="checkbox" checked={chosen.includes(scope)} disabled={!allowed.has(scope)} onChange={(event) => toggle(scope, event.target.checked)} /> {scope}
            </label>
          ))}
        </fieldset>
        <label>
          Expires{' '}
          <select aria-label="Expires" value={expiresInDays ?? 'never'} onChange={(event) => setExpiresInDays(event.target.value === 'never' ? null : Number(event.target.value))}>
            {EXPIRY_DAYS.map((days) => (
              <option key={days ?? 'never'} value={days ?? 'never'}>
                {days === null ? 'never' : `in ${days} days`}
              </option>
            ))}
          </select>
        </label>
        {isAdmin ? (
          <label title="An ingest key for a sender (Collector, Alertmanager), owned by no user">
            <input type="checkbox" checked={integration} onChange={(event) => setIntegration(event.target.checked)} /> integration key
          </label>
        ) : null}
        <button type="submit" className="button primary" disabled={busy || chosen.length === 0}>
          Create token
        </button>
      </div>
      {error ? <p className="inline-error">{error}</p> : null}
    </form>
  );
}
