/** Opens incidents through the public events API, for the incident route tests. */
import assert from 'node:assert/strict';
import { IncidentListResponseSchema } from '../../../src/core/api.js';
import type { Incident } from '../../../src/core/records.js';
import type { Harness } from '../harness.js';

export interface EventSpec {
  name: string;
  service: string;
  time: string;
  status?: 'firing' | 'resolved';
  severity?: 'info' | 'warning' | 'error' | 'critical';
  summary?: string;
  labels?: Record<string, string>;
}

export async function sendEvent(h: Harness, event: EventSpec): Promise<void> {
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { severity: 'critical', ...event } });
  assert.equal(response.statusCode, 202, response.body);
  await h.engine.settle();
}

/** Fires the event and returns the incident it opened or joined. */
export async function raise(h: Harness, event: EventSpec): Promise<Incident> {
  await sendEvent(h, event);
  const { incidents } = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents?limit=1000' })).json());
  const incident = incidents.find((candidate) => candidate.services.includes(event.service) && Date.parse(event.time) >= candidate.startedMs);
  assert.ok(incident, `no incident for ${event.service}`);
  return incident;
}
