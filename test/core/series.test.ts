import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeriesKey, seriesKey } from '../../src/core/series.js';

describe('parseSeriesKey', () => {
  it('reads back what seriesKey wrote', () => {
    const series = { name: 'opsloop.edge.latency_p95', service: 'checkout', instance: 'pod-7', labels: { peer: 'inventory', route: '/a,b=c' } };
    assert.deepEqual(parseSeriesKey(seriesKey(series)), series);
    const bare = { name: 'queue.depth', service: 'orders', labels: {} };
    assert.deepEqual(parseSeriesKey(seriesKey(bare)), bare);
  });

  it('refuses keys it cannot read unambiguously', () => {
    assert.equal(parseSeriesKey('queue.depth'), undefined, 'no labels at all');
    assert.equal(parseSeriesKey('queue.depth{queue="email"}'), undefined, 'no service');
    assert.equal(parseSeriesKey(seriesKey({ name: 'x', service: 's', labels: { q: 'say "hi"' } })), undefined, 'a quote in a value');
  });
});
