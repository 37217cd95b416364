/** Opens an incident on a running platform the way an integration would: one generic event through the public API. */
import assert from 'node:assert/strict';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Incident } from '../../src/core/records.js';

/** A critical event for `service`, then the incident it opened (the loop has settled). */
export async function raiseIncident(running: RunningOpsloop, service: string): Promise<Incident> {
  const response = await fetch(`${running.apiUrl}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'payments declined', service, severity: 'critical', summary: 'card declines up' }),
  });
  assert.equal(response.status, 202, await response.text());
  await running.engine.settle();
  const list = (await (await fetch(`${running.apiUrl}/api/v1/incidents`)).json()) as { incidents: Incident[] };
  const incident = list.incidents.find((candidate) => candidate.services.includes(service));
  assert.ok(incident, `no incident for ${service}; got ${JSON.stringify(list.incidents)}`);
  return incident;
}
