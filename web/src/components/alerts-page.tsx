import { useState } from 'react';
import { listAlerts, type AlertListFilter } from '../api.js';
import type { Alert } from '../types.js';
import { usePoll } from '../use-poll.js';
import { AlertListTable } from './alert-list-table.js';
import { Notice } from './notice.js';
import { SilenceForm } from './silence-form.js';

type Tri = 'any' | 'yes' | 'no';

const flag = (value: Tri): boolean | undefined => (value === 'any' ? undefined : value === 'yes');

/** The alert list: filter by status, silenced and flapping; silence one from its row. */
export function AlertsPage() {
  const [status, setStatus] = useState<'firing' | 'resolved' | 'all'>('firing');
  const [silenced, setSilenced] = useState<Tri>('any');
  const [flapping, setFlapping] = useState<Tri>('any');
  const [silencing, setSilencing] = useState<Alert | undefined>(undefined);
  const filter: AlertListFilter = {
    ...(status === 'all' ? {} : { status }),
    ...(flag(silenced) === undefined ? {} : { silenced: flag(silenced) }),
    ...(flag(flapping) === undefined ? {} : { flapping: flag(flapping) }),
  };
  const poll = usePoll(`alerts:${status}:${silenced}:${flapping}`, (signal) => listAlerts(filter, signal));
  const alerts = poll.data?.alerts;

  return (
    <section>
      <div className="page-head">
        <h1>Alerts</h1>
        <label className="small">
          Status{' '}
          <select aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
            <option value="firing">firing</option>
            <option value="resolved">resolved</option>
            <option value="all">all</option>
          </select>
        </label>
        <label className="small">
          Silenced{' '}
          <select aria-label="Silenced" value={silenced} onChange={(event) => setSilenced(event.target.value as Tri)}>
            <option value="any">any</option>
            <option value="yes">silenced</option>
            <option value="no">not silenced</option>
          </select>
        </label>
        <label className="small">
          Flapping{' '}
          <select aria-label="Flapping" value={flapping} onChange={(event) => setFlapping(event.target.value as Tri)}>
            <option value="any">any</option>
            <option value="yes">flapping</option>
            <option value="no">steady</option>
          </select>
        </label>
        {alerts ? <span className="muted">{alerts.length} shown · refreshes every 2 s</span> : null}
      </div>
      {silencing ? (
        <SilenceForm
          key={silencing.id}
          alert={silencing}
          onDone={() => {
            setSilencing(undefined);
            poll.refresh();
          }}
        />
      ) : null}
      {poll.error ? <Notice kind="error" title="Could not load alerts">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading alerts…" /> : null}
      {alerts && alerts.length === 0 ? <Notice kind="empty" title="No alerts match these filters" /> : null}
      {alerts && alerts.length > 0 ? <AlertListTable alerts={alerts} onSilence={setSilencing} /> : null}
    </section>
  );
}
