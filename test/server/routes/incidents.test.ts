import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  IncidentActionResponseSchema,
  IncidentDetailResponseSchema,
  IncidentListResponseSchema,
} from '../../../src/core/api.js';
import { startHarness, type Harness } from '../harness.js';

describe('incident routes', () => {
  let h: Harness;
  let incidentId: string;
  before(async () => {
    h = await startHarness();
    const sent = await h.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { name: 'disk full', service: 'db', severity: 'critical', time: '2024-05-14T09:00:00Z' },
    });
    assert.equal(sent.statusCode, 202);
    await h.engine.settle();
    const list = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json());
    assert.equal(list.incidents.length, 1);
    incidentId = list.incidents[0]?.id ?? '';
  });
  after(() => h.close());

  it('GET /api/v1/incidents filters by comma-separated status and limits', async () => {
    const open = IncidentListResponseSchema.parse(
      (await h.app.inject({ url: '/api/v1/incidents?status=triggered,acknowledged&limit=5' })).json(),
    );
    assert.deepEqual(
      open.incidents.map((incident) => incident.id),
      [incidentId],
    );
    const closed = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents?status=closed' })).json());
    assert.equal(closed.incidents.length, 0);
  });

  it('GET /api/v1/incidents rejects an unknown status, naming it', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents?status=triggered,open' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /querystring\.status: unknown status "open"/);
  });

  it('GET /api/v1/incidents/:id returns the incident with its alerts and timeline', async () => {
    const response = await h.app.inject({ url: `/api/v1/incidents/${incidentId}` });
    assert.equal(response.statusCode, 200);
    const detail = IncidentDetailResponseSchema.parse(response.json());
    assert.equal(detail.incident.id, incidentId);
    assert.equal(detail.alerts.length, 1);
    assert.equal(detail.alerts[0]?.name, 'disk full');
    assert.ok(detail.timeline.length > 0);
  });

  it('GET /api/v1/incidents/:id answers 404 for an unknown id', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents/inc_missing' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ message: string }>().message, 'Incident inc_missing not found');
  });

  it('POST …/acknowledge without a body acts as "api"', async () => {
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${incidentId}/acknowledge` });
    assert.equal(response.statusCode, 200);
    const { incident } = IncidentActionResponseSchema.parse(response.json());
    assert.equal(incident.status, 'acknowledged');
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${incidentId}` })).json());
    assert.ok(detail.timeline.some((entry) => entry.kind === 'status' && entry.message.includes('api')));
  });

  it('POST …/resolve names who resolved it', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/resolve`,
      payload: { by: 'alice' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(IncidentActionResponseSchema.parse(response.json()).incident.status, 'resolved');
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${incidentId}` })).json());
    assert.ok(detail.timeline.some((entry) => entry.message.includes('alice')));
  });

  it('POST …/acknowledge answers 404 for an unknown id and 400 for a bad body', async () => {
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/incidents/inc_missing/acknowledge' })).statusCode, 404);
    const bad = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${incidentId}/acknowledge`, payload: { by: '' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /body\.by/);
  });
});
