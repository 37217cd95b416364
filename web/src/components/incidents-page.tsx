import { useState } from 'react';
import { listIncidents } from '../api.js';
import { viewNow } from '../format.js';
import type { IncidentStatus } from '../types.js';
import { usePoll } from '../use-poll.js';
import { IncidentsTable } from './incidents-table.js';
import { Notice } from './notice.js';

const FILTERS: ReadonlyArray<{ name: string; statuses?: IncidentStatus[] }> = [
  { name: 'Open', statuses: ['triggered', 'acknowledged'] },
  { name: 'Resolved', statuses: ['resolved', 'closed'] },
  { name: 'All' },
];

export function IncidentsPage() {
  const [filterName, setFilterName] = useState('Open');
  const filter = FILTERS.find((candidate) => candidate.name === filterName) ?? FILTERS[0];
  const poll = usePoll(`incidents:${filterName}`, (signal) => listIncidents(filter?.statuses, signal));
  const incidents = poll.data?.incidents;

  return (
    <section>
      <div className="page-head">
        <h1>Incidents</h1>
        <div className="segmented" role="tablist" aria-label="Incident status filter">
          {FILTERS.map(({ name }) => (
            <button key={name} role="tab" aria-selected={name === filterName} className={name === filterName ? 'active' : undefined} onClick={() => setFilterName(name)}>
              {name}
            </button>
          ))}
        </div>
        {incidents ? <span className="muted">{incidents.length} shown · refreshes every 2 s</span> : null}
      </div>
      {poll.error ? <Notice kind="error" title="Could not load incidents">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading incidents…" /> : null}
      {incidents && incidents.length === 0 ? (
        <Notice kind="empty" title={filterName === 'Open' ? 'No open incidents' : 'No incidents'}>
          Incidents appear here when alerts fire, from detectors, Alertmanager or the events API.
        </Notice>
      ) : null}
      {incidents && incidents.length > 0 ? <IncidentsTable incidents={incidents} nowMs={viewNow(incidents.map((incident) => incident.updatedMs))} /> : null}
    </section>
  );
}
