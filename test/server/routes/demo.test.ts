import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FaultListResponseSchema, RemediationResponseSchema, type Fault } from '../../../src/core/api.js';
import { ShopSimulation } from '../../../src/demo/simulation.js';
import { startHarness, type Harness } from '../harness.js';

describe('the demo routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answer 404 with a clear message when no demo runs', async () => {
    for (const request of [{ url: '/api/v1/demo/faults' }, { method: 'POST' as const, url: '/api/v1/demo/services/cart/restart' }]) {
      const response = await h.app.inject(request);
      assert.equal(response.statusCode, 404);
      assert.match(response.json<{ message: string }>().message, /opsloop demo/);
    }
  });

  it('list the faults the demo injected', async () => {
    const faults: Fault[] = [{ id: 'f1', kind: 'latency', service: 'cart', start: 1, end: 2 }];
    h.engine.setDemo({ faults: () => faults, remediate: () => assert.fail('not called') });
    const response = await h.app.inject({ url: '/api/v1/demo/faults' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(FaultListResponseSchema.parse(response.json()).faults, faults);
  });

  it('remediate a service of the running shop and record it in the ground truth', async () => {
    const sim = new ShopSimulation({ seed: 3, startMs: Date.UTC(2026, 0, 1, 12), warmupMs: 0, stepMs: 5_000 });
    h.engine.setDemo(sim);
    while (!sim.faults().some((f) => f.kind === 'latency' && sim.nowMs() > f.start + 30_000)) sim.step();
    const fault = sim.faults().find((f) => f.kind === 'latency') as Fault;

    const wrong = await h.app.inject({ method: 'POST', url: `/api/v1/demo/services/${fault.service}/clear-cache` });
    assert.equal(wrong.statusCode, 200);
    assert.equal(RemediationResponseSchema.parse(wrong.json()).remediation.effect, 'none');

    const response = await h.app.inject({ method: 'POST', url: `/api/v1/demo/services/${fault.service}/scale` });
    assert.equal(response.statusCode, 200);
    const { remediation } = RemediationResponseSchema.parse(response.json());
    assert.deepEqual([remediation.effect, remediation.faultId, remediation.atMs], ['ended', fault.id, sim.nowMs()]);

    const truth = FaultListResponseSchema.parse((await h.app.inject({ url: '/api/v1/demo/faults' })).json()).faults.find((f) => f.id === fault.id);
    assert.equal(truth?.remediatedAt, sim.nowMs());
    assert.equal(truth?.remediation, 'scale');
  });

  it('answer 400 for an unknown service, pod or action', async () => {
    h.engine.setDemo(new ShopSimulation({ seed: 3, startMs: Date.UTC(2026, 0, 1, 12), warmupMs: 0, stepMs: 5_000 }));
    for (const url of ['/api/v1/demo/services/nope/restart', '/api/v1/demo/services/cart/restart?pod=nope', '/api/v1/demo/services/cart/reboot']) {
      const response = await h.app.inject({ method: 'POST', url });
      assert.equal(response.statusCode, 400, url);
      assert.ok(response.json<{ message: string }>().message.length > 10);
    }
  });
});
