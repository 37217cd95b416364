import { useState } from 'react';
import { getIncident } from '../api.js';
import { viewNow } from '../format.js';
import { chartTarget, chartWindow, incidentEndMs, isOpen, type ChartSelection } from '../incident-window.js';
import { incidentMapHref } from '../map-query.js';
import { usePoll } from '../use-poll.js';
import { AlertsTable } from './alerts-table.js';
import { CauseList } from './cause-list.js';
import { DemoFaults } from './demo-faults.js';
import { EvidenceChart } from './evidence-chart.js';
import { IncidentChanges } from './incident-changes.js';
import { IncidentFields } from './incident-fields.js';
import { IncidentHeader } from './incident-header.js';
import { IncidentLogs } from './incident-logs.js';
import { IncidentMap } from './incident-map.js';
import { Notice } from './notice.js';
import { PostmortemEditor } from './postmortem-editor.js';
import { ProblemPanel } from './problem-panel.js';
import { RegroupActions } from './regroup-actions.js';
import { RunbookRecommendations } from './runbook-recommendations.js';
import { SimilarIncidents } from './similar-incidents.js';
import { TimelineComposer } from './timeline-composer.js';
import { TimelineList } from './timeline-list.js';

export function IncidentPage({ id }: { id: string }) {
  const poll = usePoll(`incident:${id}`, (signal) => getIncident(id, signal));
  const [selection, setSelection] = useState<ChartSelection | undefined>(undefined);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const pick = (alertId: string, on: boolean): void =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(alertId);
      else next.delete(alertId);
      return next;
    });

  if (!poll.data) {
    return (
      <section>
        <p className="crumbs">
          <a href="#/incidents">← Incidents</a>
        </p>
        {poll.error ? <Notice kind="error" title={`Could not load incident ${id}`}>{poll.error.message}</Notice> : <Notice kind="loading" title="Loading incident…" />}
      </section>
    );
  }

  const { incident, alerts, timeline, problem, changes } = poll.data;
  const target = chartTarget(selection, incident.causes, alerts);
  const span = chartWindow(incident, alerts);
  // Merge and split need an open incident; a resolved one shows its grouping but offers no moves.
  const regroupable = isOpen(incident);
  // Ticks of alerts that have since left (moved by someone else) are not split off.
  const stillPicked = new Set(alerts.filter((alert) => picked.has(alert.id)).map((alert) => alert.id));
  return (
    <section className="incident-page">
      <p className="crumbs">
        <a href="#/incidents">← Incidents</a> ·{' '}
        <a href={incidentMapHref(incident.services, span)} data-testid="incident-map-link">
          its services on the map
        </a>
      </p>
      {poll.error ? <Notice kind="error" title="Live updates failing; showing the last good data">{poll.error.message}</Notice> : null}
      <IncidentHeader incident={incident} alerts={alerts} nowMs={viewNow([incidentEndMs(incident, alerts)])} onChanged={poll.refresh} />
      {/* Keyed by the fields: a change made elsewhere resets the form, a poll that changes nothing does not. */}
      <IncidentFields
        key={[incident.severity, incident.priority, incident.assignee, incident.team, incident.status].join('|')}
        incident={incident}
        onChanged={poll.refresh}
      />
      <div className="incident-grid">
        <div className="panel">
          <h2>Root causes</h2>
          <CauseList causes={incident.causes} selection={selection} onSelect={setSelection} explorerWindow={span} />
        </div>
        <div className="panel">
          <h2>Evidence {target ? <span className="muted">· {target.label}</span> : null}</h2>
          {target ? (
            <EvidenceChart
              target={target}
              fromMs={span.fromMs}
              toMs={span.toMs}
              incidentStartMs={incident.startedMs}
              incidentEndMs={incident.resolvedMs}
            />
          ) : (
            <Notice kind="empty" title="Nothing to chart">Neither the causes nor the alerts of this incident name a series.</Notice>
          )}
        </div>
      </div>
      <IncidentMap services={incident.services} topCause={incident.causes[0]?.service} window={span} />
      <DemoFaults startMs={incident.startedMs} endMs={incidentEndMs(incident, alerts)} causes={incident.causes} />
      <RunbookRecommendations incidentId={incident.id} />
      <IncidentLogs incidentId={incident.id} services={incident.services} window={span} />
      <div className="panel">
        <h2>Alerts <span className="muted">· {alerts.length}</span></h2>
        {regroupable ? <RegroupActions incident={incident} alertCount={alerts.length} picked={stillPicked} onChanged={poll.refresh} /> : null}
        <AlertsTable
          alerts={alerts}
          selection={selection}
          onSelect={setSelection}
          explorerWindow={span}
          picking={regroupable ? { picked: stillPicked, onPick: pick } : undefined}
        />
      </div>
      <div className="panel" data-testid="incident-timeline">
        <h2>Timeline</h2>
        <TimelineList entries={timeline} />
        <TimelineComposer incidentId={incident.id} onChanged={poll.refresh} />
      </div>
      <IncidentChanges changes={changes} startedMs={incident.startedMs} />
      <div className="incident-grid">
        <SimilarIncidents incidentId={incident.id} />
        <ProblemPanel key={problem ? `${problem.id}:${problem.updatedMs}` : 'none'} incidentId={incident.id} problem={problem} onChanged={poll.refresh} />
      </div>
      <PostmortemEditor incidentId={incident.id} onChanged={poll.refresh} />
    </section>
  );
}
