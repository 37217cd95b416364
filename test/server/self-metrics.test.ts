import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SelfMetrics } from '../../src/server/self-metrics.js';

describe('SelfMetrics', () => {
  it('renders counters and gauges in the Prometheus text format, escaping label values', () => {
    const metrics = new SelfMetrics();
    metrics.countRequest('GET', '/a', 200);
    metrics.countRequest('GET', '/a', 200);
    metrics.signalsAccepted.inc({ source: 'we"ird\\' }, 3);
    const text = metrics.render([{ name: 'x_gauge', help: 'A gauge.', samples: [{ labels: {}, value: 1.5 }] }]);
    assert.match(text, /^# HELP opsloop_http_requests_total /m);
    assert.match(text, /^opsloop_http_requests_total\{method="GET",route="\/a",status="200"\} 2$/m);
    assert.match(text, /^opsloop_signals_accepted_total\{source="we\\"ird\\\\"\} 3$/m);
    assert.match(text, /^# TYPE x_gauge gauge\nx_gauge 1\.5$/m);
    assert.ok(text.endsWith('\n'));
  });
});
