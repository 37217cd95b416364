import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CatalogListResponseSchema, CatalogServiceResponseSchema } from '../../../src/core/incident-api.js';
import { shopTraces } from '../../fixtures/otlp/shop-traces.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendSpans } from '../span-ingest.js';
import { sendEvent } from './raise.js';

describe('service catalog routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      config: {
        catalog: {
          checkout: { ownerTeam: 'shop-core', tier: 1, runbooks: [{ title: 'Checkout down', url: 'https://runbooks.example.com/checkout' }] },
          billing: { ownerTeam: 'finance', description: 'Declared before it reports' },
        },
      },
    });
    await sendSpans(h, shopTraces({ t0: FIXED_NOW - 60_000, traces: 5, failEvery: 0 }));
    await sendEvent(h, { name: 'ledger lagging', service: 'ledger', time: new Date(FIXED_NOW).toISOString() });
  });
  after(() => h.close());

  it('lists services discovered from telemetry with their dependencies, enriched from the config seed', async () => {
    const { services } = CatalogListResponseSchema.parse((await h.app.inject({ url: '/api/v1/catalog' })).json());
    const byName = new Map(services.map((s) => [s.service, s]));
    const checkout = byName.get('checkout');
    assert.ok(checkout?.discovered);
    assert.equal(checkout.ownerTeam, 'shop-core');
    assert.equal(checkout.tier, 1);
    assert.deepEqual(checkout.instances, ['checkout-1']);
    assert.ok(checkout.dependencies.includes('postgres'));
    assert.ok(checkout.dependents.includes('frontend'));
    // Declared only in the catalog: listed, and says so.
    assert.equal(byName.get('billing')?.discovered, false);
    // Known only from an alert: listed with its open incident.
    assert.deepEqual([byName.get('ledger')?.discovered, byName.get('ledger')?.openIncidents], [true, 1]);
    assert.deepEqual([...byName.keys()], [...byName.keys()].sort((a, b) => a.localeCompare(b)));
  });

  it('PUT replaces an entry, which then wins over the seed; GET reads one service', async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/catalog/checkout',
      payload: { ownerTeam: 'payments-squad', tier: 2, repository: 'https://git.example.com/shop/checkout', runbooks: [] },
    });
    assert.equal(put.statusCode, 200, put.body);
    const { service } = CatalogServiceResponseSchema.parse((await h.app.inject({ url: '/api/v1/catalog/checkout' })).json());
    assert.deepEqual([service.ownerTeam, service.tier, service.repository, service.runbooks], ['payments-squad', 2, 'https://git.example.com/shop/checkout', []]);
    assert.equal(service.updatedMs, FIXED_NOW);
    assert.ok(service.dependencies.includes('postgres'));
  });

  it('answers 404 for an unknown service and 400 naming a bad field', async () => {
    const missing = await h.app.inject({ url: '/api/v1/catalog/nope' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json<{ message: string }>().message, 'Service nope not found');
    const cases: Array<[object, RegExp]> = [
      [{ tier: 7 }, /body\.tier/],
      [{ repository: 'ftp://example.com/x' }, /body\.repository/],
      [{ runbooks: [{ title: 'x', url: 'javascript:alert(1)' }] }, /body\.runbooks/],
    ];
    for (const [payload, message] of cases) {
      const response = await h.app.inject({ method: 'PUT', url: '/api/v1/catalog/checkout', payload });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.match(response.json<{ message: string }>().message, message);
    }
  });
});
