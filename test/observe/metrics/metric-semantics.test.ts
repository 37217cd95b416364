import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricSemantics } from '../../../src/observe/metrics/metric-semantics.js';

describe('metricSemantics', () => {
  it('floors a latency change at a millisecond in the unit the series was reported in', () => {
    assert.equal(metricSemantics('opsloop.service.latency_p95').minScale, 1);
    assert.equal(metricSemantics('http.server.request.duration.p95', 's').minScale, 0.001);
    assert.equal(metricSemantics('http.server.request.duration.p95', 'ms').minScale, 1);
    assert.equal(metricSemantics('db.client.operation.duration', 'us').minScale, 1000);
  });

  it('tells client-side durations (about the callee) from server-side ones', () => {
    assert.equal(metricSemantics('http.client.request.duration.p95', 's').clientSide, true);
    assert.equal(metricSemantics('PodClientLatencyP90', 's').clientSide, true);
    assert.equal(metricSemantics('PodClientLatencyP90', 's').label, 'client p90 latency');
    assert.equal(metricSemantics('http.server.request.duration.p95', 's').clientSide, undefined);
    assert.equal(metricSemantics('PodServerLatencyP90', 's').clientSide, undefined);
  });
});
