import { useState } from 'react';
import { expireSilence, listSilences } from '../api.js';
import { formatAbsolute } from '../format.js';
import { describeMatcher } from '../silence-draft.js';
import type { SilenceState } from '../types.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

const FILTERS: ReadonlyArray<{ name: string; state?: SilenceState }> = [
  { name: 'Active', state: 'active' },
  { name: 'Pending', state: 'pending' },
  { name: 'Expired', state: 'expired' },
  { name: 'All' },
];

/** Silences and maintenance windows: what mutes what, why, who made it, until when; expire one. */
export function SilencesPage() {
  const [filterName, setFilterName] = useState('Active');
  const [error, setError] = useState<string | undefined>(undefined);
  const filter = FILTERS.find((candidate) => candidate.name === filterName) ?? FILTERS[0];
  const poll = usePoll(`silences:${filterName}`, (signal) => listSilences(filter?.state, signal));
  const silences = poll.data;

  const expire = (id: string): void => {
    setError(undefined);
    expireSilence(id, 'web').then(poll.refresh, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };

  return (
    <section>
      <div className="page-head">
        <h1>Silences</h1>
        <div className="segmented" role="tablist" aria-label="Silence state filter">
          {FILTERS.map(({ name }) => (
            <button key={name} role="tab" aria-selected={name === filterName} className={name === filterName ? 'active' : undefined} onClick={() => setFilterName(name)}>
              {name}
            </button>
          ))}
        </div>
        <span className="muted small">Create one from an alert on the Alerts page.</span>
      </div>
      {error ? <Notice kind="error" title="Could not expire the silence">{error}</Notice> : null}
      {poll.error ? <Notice kind="error" title="Could not load silences">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading silences…" /> : null}
      {silences && silences.length === 0 ? <Notice kind="empty" title={`No ${filterName.toLowerCase()} silences`} /> : null}
      {silences && silences.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>State</th>
              <th>Matchers</th>
              <th>Reason</th>
              <th>By</th>
              <th>From</th>
              <th>Until</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {silences.map((silence) => (
              <tr key={silence.id} data-testid="silence-row">
                <td>
                  <span className="chip">{silence.state}</span> {silence.kind === 'maintenance' ? <span className="chip">maintenance</span> : null}
                </td>
                <td className="mono">{silence.matchers.map(describeMatcher).join(', ')}</td>
                <td>{silence.reason}</td>
                <td>
                  {silence.createdBy}
                  {silence.expiredBy ? <div className="muted small">expired by {silence.expiredBy}</div> : null}
                </td>
                <td className="small nowrap">{formatAbsolute(silence.startsMs)}</td>
                <td className="small nowrap">{formatAbsolute(silence.endsMs)}</td>
                <td>
                  {silence.state === 'expired' ? null : (
                    <button className="button" onClick={() => expire(silence.id)}>
                      Expire
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
