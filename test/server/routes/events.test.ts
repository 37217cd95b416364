import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema } from '../../../src/core/api.js';
import { startHarness, type Harness } from '../harness.js';

describe('POST /api/v1/events', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('accepts one event with 202', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'queue backlog', service: 'orders' } });
    assert.equal(response.statusCode, 202);
    assert.deepEqual(response.json(), { accepted: 1 });
  });

  it('accepts an array of events', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: [
        { name: 'cert expiring', service: 'edge', severity: 'info', time: 1_700_000_000_000 },
        { name: 'cert expiring', service: 'api', severity: 'info', time: '2023-11-14T22:13:20Z' },
      ],
    });
    assert.equal(response.statusCode, 202);
    assert.deepEqual(response.json(), { accepted: 2 });
    await h.engine.settle();
    const { alerts } = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts' })).json());
    const certs = alerts.filter((alert) => alert.name === 'cert expiring');
    assert.equal(certs.length, 2);
    assert.ok(certs.every((alert) => alert.source === 'events' && alert.startsMs === 1_700_000_000_000));
  });

  it('names the element and field of a bad event in a batch', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: [{ name: 'ok' }, { name: 'x', severity: 'loud' }] });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\[1\]\.severity/);
  });

  it('rejects an empty batch', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: [] });
    assert.equal(response.statusCode, 400);
  });
});
