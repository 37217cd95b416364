import { useState } from 'react';
import { SCOPES } from '../../../src/core/access.js';
import { listTokens, revokeToken } from '../access-api.js';
import type { Scope, TokenCreated, WhoAmI } from '../access-types.js';
import { tokenState } from '../../../src/core/token-state.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { TimeText } from './time-text.js';
import { TokenForm } from './token-form.js';
import { TokenSecret } from './token-secret.js';

/**
 * API tokens (docs/access.md#tokens): yours, or everyone's for an admin, with when each was
 * last used and when it expires; create one (its secret shown once) or revoke one.
 * `who` is absent when sign-in is off, where the page acts as an admin.
 */
export function TokensPage({ who }: { who: WhoAmI | undefined }) {
  const poll = usePoll('tokens', (signal) => listTokens(signal), { intervalMs: 30_000 });
  const [created, setCreated] = useState<TokenCreated | undefined>(undefined);
  const revoke = useAction(poll.refresh);
  const allowed = new Set<Scope>(who ? who.scopes : SCOPES);
  const isAdmin = allowed.has('admin');
  const nowMs = Date.now();
  const tokens = poll.data;

  return (
    <section>
      <div className="page-head">
        <h1>API tokens</h1>
        <span className="muted small">For the CLI (--token or OPSLOOP_TOKEN), scripts and senders: see docs/access.md.</span>
      </div>
      {created ? <TokenSecret created={created} onDone={() => setCreated(undefined)} /> : null}
      <TokenForm
        allowed={allowed}
        isAdmin={isAdmin}
        onCreated={(fresh) => {
          setCreated(fresh);
          poll.refresh();
        }}
      />
      {poll.error ? <Notice kind="error" title="Could not load tokens">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading tokens…" /> : null}
      {tokens && tokens.length === 0 ? <Notice kind="empty" title="No tokens yet">Create one above.</Notice> : null}
      {revoke.error ? <p className="inline-error">{revoke.error}</p> : null}
      {tokens && tokens.length > 0 ? (
        <table className="table" data-testid="tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Starts with</th>
              <th>Scopes</th>
              {isAdmin ? <th>Owner</th> : null}
              <th>Created</th>
              <th>Last used</th>
              <th>Expires</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const state = tokenState(token, nowMs);
              return (
                <tr key={token.id} data-testid="token-row">
                  <td>{token.name}</td>
                  <td className="mono">{token.prefix}…</td>
                  <td>{token.scopes.join(', ')}</td>
                  {isAdmin ? <td>{token.ownerId ?? <span className="muted">integration</span>}</td> : null}
                  <td>
                    <TimeText ms={token.createdMs} nowMs={nowMs} />
                  </td>
                  <td>{token.lastUsedMs === undefined ? <span className="muted">never</span> : <TimeText ms={token.lastUsedMs} nowMs={nowMs} />}</td>
                  <td>{token.expiresMs === undefined ? <span className="muted">never</span> : <TimeText ms={token.expiresMs} nowMs={nowMs} />}</td>
                  <td>
                    <span className={`badge token-${state}`} data-testid="token-state">
                      {state}
                    </span>
                  </td>
                  <td>
                    {state === 'active' ? (
                      <button type="button" className="button" disabled={revoke.pending} onClick={() => void revoke.run(() => revokeToken(token.id))}>
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
