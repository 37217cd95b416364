import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FaultListResponseSchema, type Fault } from '../../../src/core/api.js';
import { startHarness, type Harness } from '../harness.js';

describe('GET /api/v1/demo/faults', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers 404 with a clear message when no demo runs', async () => {
    const response = await h.app.inject({ url: '/api/v1/demo/faults' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json<{ message: string }>().message, /opsloop demo/);
  });

  it('lists the faults the demo injected', async () => {
    const faults: Fault[] = [{ id: 'f1', kind: 'latency', service: 'cart', start: 1, end: 2 }];
    h.engine.setDemoFaults(() => faults);
    const response = await h.app.inject({ url: '/api/v1/demo/faults' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(FaultListResponseSchema.parse(response.json()).faults, faults);
  });
});
