import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IncidentActionResponseSchema, IncidentDetailResponseSchema } from '../../../src/core/api.js';
import { TimelineEntryResponseSchema } from '../../../src/core/incident-api.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { raise, sendEvent } from './raise.js';

describe('incident lifecycle routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const detail = async (id: string) => IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${id}` })).json());
  const post = (url: string, payload?: object) => h.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) });

  it('acknowledge, resolve with a note, close: each on the timeline with who; then 409 for any further step', async () => {
    const incident = await raise(h, { name: 'disk full', service: 'db', time: '2024-05-14T09:00:00Z' });
    const acked = await post(`/api/v1/incidents/${incident.id}/acknowledge`, { by: 'alice' });
    assert.equal(acked.statusCode, 200);
    assert.equal(IncidentActionResponseSchema.parse(acked.json()).incident.acknowledgedMs, FIXED_NOW);
    // Acknowledging again is harmless (a double click), not a conflict.
    assert.equal((await post(`/api/v1/incidents/${incident.id}/acknowledge`, { by: 'alice' })).statusCode, 200);

    const early = await post(`/api/v1/incidents/${incident.id}/close`);
    assert.equal(early.statusCode, 409);
    assert.match(early.json<{ message: string }>().message, /is acknowledged; resolve it before closing it/);

    const resolved = await post(`/api/v1/incidents/${incident.id}/resolve`, { by: 'bob', resolution: 'freed space on the volume' });
    assert.equal(IncidentActionResponseSchema.parse(resolved.json()).incident.resolution, 'freed space on the volume');
    const closed = await post(`/api/v1/incidents/${incident.id}/close`, { by: 'carol' });
    assert.equal(IncidentActionResponseSchema.parse(closed.json()).incident.status, 'closed');

    for (const action of ['acknowledge', 'resolve']) {
      const refused = await post(`/api/v1/incidents/${incident.id}/${action}`);
      assert.equal(refused.statusCode, 409, action);
      assert.equal(refused.json<{ code: string }>().code, 'OPS_ERR_CONFLICT');
    }
    const statuses = (await detail(incident.id)).timeline.filter((e) => e.kind === 'status' && e.by);
    assert.deepEqual(
      statuses.map((e) => [e.message, e.by]),
      [
        ['acknowledged by alice', 'alice'],
        ['resolved by bob: freed space on the volume', 'bob'],
        ['closed by carol', 'carol'],
      ],
    );
    const edit = await h.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, payload: { priority: 'P2' } });
    assert.equal(edit.statusCode, 409);
    // Notes are still allowed on a closed incident: the postmortem discussion goes on.
    assert.equal((await post(`/api/v1/incidents/${incident.id}/notes`, { text: 'follow-up in the postmortem' })).statusCode, 201);
  });

  it('PATCH sets severity, priority, assignee, team and title, each change on the timeline; null clears', async () => {
    const incident = await raise(h, { name: 'queue backlog', service: 'orders', time: '2024-05-15T09:00:00Z' });
    const url = `/api/v1/incidents/${incident.id}`;
    const patched = await h.app.inject({
      method: 'PATCH',
      url,
      payload: { severity: 'warning', priority: 'P1', assignee: 'dana', team: 'orders-team', title: 'Orders queue backing up', by: 'dana' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const { incident: updated } = IncidentActionResponseSchema.parse(patched.json());
    assert.deepEqual([updated.severity, updated.priority, updated.assignee, updated.team, updated.title], ['warning', 'P1', 'dana', 'orders-team', 'Orders queue backing up']);
    assert.equal(updated.titleSetBy, 'dana');
    // RCA runs again on the next alert, and keeps the title a person gave.
    await sendEvent(h, { name: 'queue depth', service: 'orders', time: '2024-05-15T09:01:00Z' });
    const rerun = await detail(incident.id);
    assert.equal(rerun.alerts.length, 2);
    assert.ok(rerun.timeline.some((e) => e.kind === 'rca'));
    assert.equal(rerun.incident.title, 'Orders queue backing up');
    const cleared = IncidentActionResponseSchema.parse((await h.app.inject({ method: 'PATCH', url, payload: { assignee: null } })).json());
    assert.equal(cleared.incident.assignee, undefined);
    const fields = (await detail(incident.id)).timeline.filter((e) => e.kind === 'field').map((e) => e.message);
    assert.ok(fields.includes('priority none → P1'));
    assert.ok(fields.includes('severity critical → warning'));
    assert.ok(fields.includes('assignee dana → none'));
  });

  it('PATCH answers 400 naming the bad field, or saying there is nothing to change', async () => {
    const incident = await raise(h, { name: 'cpu hot', service: 'search', time: '2024-05-16T09:00:00Z' });
    const url = `/api/v1/incidents/${incident.id}`;
    const badPriority = await h.app.inject({ method: 'PATCH', url, payload: { priority: 'P9' } });
    assert.equal(badPriority.statusCode, 400);
    assert.match(badPriority.json<{ message: string }>().message, /body\.priority/);
    const empty = await h.app.inject({ method: 'PATCH', url, payload: { by: 'x' } });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json<{ message: string }>().message, /nothing to change/);
    assert.equal((await h.app.inject({ method: 'PATCH', url: '/api/v1/incidents/inc_missing', payload: { priority: 'P1' } })).statusCode, 404);
  });

  it('notes and status updates land on the timeline as different kinds, with who', async () => {
    const incident = await raise(h, { name: 'login errors', service: 'auth', time: '2024-05-17T09:00:00Z' });
    const note = await post(`/api/v1/incidents/${incident.id}/notes`, { text: 'suspect the new token cache', by: 'erin' });
    assert.equal(note.statusCode, 201);
    assert.deepEqual(TimelineEntryResponseSchema.parse(note.json()).entry, {
      incidentId: incident.id,
      timeMs: FIXED_NOW,
      kind: 'note',
      message: 'suspect the new token cache',
      by: 'erin',
    });
    const update = await post(`/api/v1/incidents/${incident.id}/status-updates`, { text: 'Some users cannot log in; we are on it.' });
    assert.equal(TimelineEntryResponseSchema.parse(update.json()).entry.kind, 'status_update');
    const timeline = (await detail(incident.id)).timeline;
    assert.ok(timeline.some((e) => e.kind === 'note' && e.by === 'erin'));
    assert.ok(timeline.some((e) => e.kind === 'status_update' && e.by === 'api'));
    const blank = await post(`/api/v1/incidents/${incident.id}/notes`, { text: '   ' });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.json<{ message: string }>().message, /body\.text/);
    assert.equal((await post('/api/v1/incidents/inc_missing/status-updates', { text: 'x' })).statusCode, 404);
  });

  it('a resolved incident reopens when its alert fires again soon after; later, or once closed, a new one opens', async () => {
    // Resolved by hand at FIXED_NOW (the harness's wall clock); events are timed around it.
    const at = (minutes: number) => new Date(FIXED_NOW + minutes * 60_000).toISOString();
    const first = await raise(h, { name: 'cache evictions', service: 'cache', time: at(-10) });
    await sendEvent(h, { name: 'cache evictions', service: 'cache', time: at(-5), status: 'resolved' });
    assert.equal((await post(`/api/v1/incidents/${first.id}/resolve`)).statusCode, 200);
    // Within correlation.windowSeconds (2 min) of the resolution.
    const again = await raise(h, { name: 'cache evictions', service: 'cache', time: at(1) });
    assert.equal(again.id, first.id);
    const reopened = await detail(first.id);
    assert.equal(reopened.incident.status, 'triggered');
    assert.equal(reopened.incident.resolvedMs, undefined);
    assert.equal(reopened.alerts.length, 2);
    assert.ok(reopened.timeline.some((e) => e.message === 'reopened: cache evictions on cache fired again'));

    await sendEvent(h, { name: 'cache evictions', service: 'cache', time: at(1.5), status: 'resolved' });
    await post(`/api/v1/incidents/${first.id}/resolve`);
    await post(`/api/v1/incidents/${first.id}/close`);
    const third = await raise(h, { name: 'cache evictions', service: 'cache', time: at(2) });
    assert.notEqual(third.id, first.id);
    assert.equal((await detail(first.id)).incident.status, 'closed');

    // Resolved, then firing again long after: a new incident, not last hour's story. (Another
    // alert: five state changes within the hour have made 'cache evictions' a flapping alert,
    // held firing — docs/alerts.md.)
    const fourth = await raise(h, { name: 'queue backlog', service: 'broker', time: at(3) });
    await sendEvent(h, { name: 'queue backlog', service: 'broker', time: at(4), status: 'resolved' });
    await post(`/api/v1/incidents/${fourth.id}/resolve`);
    const fifth = await raise(h, { name: 'queue backlog', service: 'broker', time: at(60) });
    assert.notEqual(fifth.id, fourth.id);
    assert.equal((await detail(fourth.id)).incident.status, 'resolved');
  });
});
