import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../harness.js';

describe('GET /metrics', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('counts requests by route pattern and status, and accepted signals', async () => {
    await h.app.inject({ url: '/api/v1/incidents/inc_a' });
    await h.app.inject({ url: '/api/v1/incidents/inc_b' });
    await h.app.inject({ url: '/no/such/route' });
    await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: [{ name: 'a' }, { name: 'b' }] });
    const response = await h.app.inject({ url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const text = response.body;
    assert.match(text, /# TYPE opsloop_http_requests_total counter/);
    assert.match(text, /opsloop_http_requests_total\{method="GET",route="\/api\/v1\/incidents\/:id",status="404"\} 2/);
    assert.match(text, /opsloop_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    assert.match(text, /opsloop_signals_accepted_total\{source="events"\} 2/);
    assert.match(text, /opsloop_store_ready 1/);
    assert.match(text, /^opsloop_bus_backlog \d+$/m);
    assert.match(text, /opsloop_incidents_open\{status="triggered"\} \d+/);
  });
});
