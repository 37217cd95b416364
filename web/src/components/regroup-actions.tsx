import { useState } from 'react';
import { listIncidents, mergeIncident, splitIncident } from '../api.js';
import { mergeTargets } from '../grouping.js';
import type { Incident } from '../types.js';
import { useAction } from '../use-action.js';
import { incidentHref } from '../use-hash-route.js';
import { usePoll } from '../use-poll.js';

interface Props {
  incident: Incident;
  alertCount: number;
  /** The alerts ticked in the table, to split off. */
  picked: ReadonlySet<string>;
  onChanged: () => void;
}

/**
 * An operator's corrections to the grouping: split the ticked alerts off into a new incident, or
 * merge this whole incident into another open one. Either is feedback the correlator learns from
 * (docs/correlation.md), and the page follows the alerts to where they went.
 */
export function RegroupActions({ incident, alertCount, picked, onChanged }: Props) {
  const action = useAction(onChanged);
  const open = usePoll('incidents:open', (signal) => listIncidents(['triggered', 'acknowledged'], signal), { intervalMs: 10_000 });
  const [into, setInto] = useState('');
  const targets = mergeTargets(open.data?.incidents ?? [], incident.id);
  // The server refuses to split every alert off (that is a rename, not a split): say so up front.
  const splitsAll = picked.size === alertCount;

  const split = (): void =>
    void action.run(async () => {
      const created = await splitIncident(incident.id, [...picked]);
      window.location.hash = incidentHref(created.id);
    });
  const merge = (): void =>
    void action.run(async () => {
      const target = await mergeIncident(incident.id, into);
      window.location.hash = incidentHref(target.id);
    });

  return (
    <div className="regroup">
      <div className="field-row">
        <button
          className="button"
          data-testid="split-off"
          disabled={picked.size === 0 || splitsAll || action.pending}
          title={splitsAll ? 'Leave at least one alert in this incident' : 'Move the ticked alerts into a new incident'}
          onClick={split}
        >
          {picked.size === 0 ? 'Split off…' : `Split off ${picked.size} alert${picked.size === 1 ? '' : 's'}`}
        </button>
        <span className="muted">or</span>
        <label>
          Merge into…
          <select value={into} onChange={(e) => setInto(e.target.value)} data-testid="merge-target">
            <option value="">choose an open incident…</option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.title} ({target.id})
              </option>
            ))}
          </select>
        </label>
        <button className="button" data-testid="merge-into" disabled={into === '' || action.pending} title="Move every alert of this incident there and close this one" onClick={merge}>
          Merge
        </button>
      </div>
      {open.error ? <p className="inline-error">Could not list open incidents: {open.error.message}</p> : null}
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}
