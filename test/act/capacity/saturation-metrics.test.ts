import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saturationMetric } from '../../../src/act/capacity/saturation-metrics.js';

describe('saturationMetric()', () => {
  it('recognises ratios, percentages and usage with a limit series, by resource', () => {
    assert.deepEqual(saturationMetric('system.filesystem.utilization'), { resource: 'disk', limit: { kind: 'ratio' } });
    assert.deepEqual(saturationMetric('process.cpu.utilization'), { resource: 'cpu', limit: { kind: 'ratio' } });
    assert.deepEqual(saturationMetric('node_filesystem_used_percent'), { resource: 'disk', limit: { kind: 'percent' } });
    assert.deepEqual(saturationMetric('process.memory.usage')?.limit, { kind: 'series', names: ['k8s.container.memory.limit', 'k8s.container.memory_limit', 'k8s.pod.memory.limit'] });
    assert.deepEqual(saturationMetric('db.client.connection.count'), { resource: 'connections', limit: { kind: 'series', names: ['db.client.connection.max'] } });
    assert.equal(saturationMetric('postgresql.backends')?.resource, 'connections');
    assert.equal(saturationMetric('rabbitmq.queue.depth')?.resource, 'queue');
    assert.ok(saturationMetric('rabbitmq.queue.depth')?.limit.kind === 'series');
    assert.equal(saturationMetric('api.quota.used')?.resource, 'quota');
  });

  it('leaves rates, latencies and counts alone', () => {
    for (const name of ['http.server.request.duration.p95', 'http.server.requests.rate', 'opsloop.service.error_ratio', 'jvm.gc.duration']) {
      assert.equal(saturationMetric(name), undefined, name);
    }
  });
});
