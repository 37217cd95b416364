import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChangeCreatedResponseSchema, ChangeListResponseSchema } from '../../../src/core/api.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

describe('change routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('POST /api/v1/changes records a change with defaults and answers 201', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/changes', payload: { service: 'cart', version: 'v2.3.1' } });
    assert.equal(response.statusCode, 201);
    const { change } = ChangeCreatedResponseSchema.parse(response.json());
    assert.match(change.id, /^chg_/);
    assert.equal(change.kind, 'deploy');
    assert.equal(change.timeMs, FIXED_NOW);
    assert.equal(change.source, 'api');
    assert.equal(change.version, 'v2.3.1');
  });

  it('GET /api/v1/changes lists by window and service', async () => {
    const past = Date.parse('2024-05-14T09:00:00Z');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/changes',
      payload: { service: 'payments', kind: 'config', description: 'raise pool size', time: '2024-05-14T09:00:00Z', source: 'ci' },
    });
    assert.equal(created.statusCode, 201);
    await h.engine.settle();

    const window = await h.app.inject({ url: `/api/v1/changes?from=${past - 1000}&to=${past + 1000}` });
    const { changes } = ChangeListResponseSchema.parse(window.json());
    assert.deepEqual(
      changes.map((change) => change.service),
      ['payments'],
    );
    const byService = ChangeListResponseSchema.parse(
      (await h.app.inject({ url: `/api/v1/changes?from=0&to=${FIXED_NOW + 1}&service=cart` })).json(),
    );
    assert.deepEqual(
      byService.changes.map((change) => change.service),
      ['cart'],
    );
  });

  it('GET /api/v1/changes defaults to the last 24 hours', async () => {
    const { changes } = ChangeListResponseSchema.parse((await h.app.inject({ url: '/api/v1/changes' })).json());
    assert.deepEqual(
      changes.map((change) => change.service),
      ['cart'],
    );
  });

  it('GET /api/v1/changes rejects from after to', async () => {
    const response = await h.app.inject({ url: '/api/v1/changes?from=10&to=5' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /querystring\.from/);
  });

  it('POST /api/v1/changes rejects an unknown kind, naming it', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/changes', payload: { service: 'cart', kind: 'reboot' } });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.kind/);
  });
});
