import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anomalyWalk } from '../../../src/act/rca/anomaly-walk.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';

const graph = new ServiceGraph([
  { caller: 'frontend', callee: 'checkout' },
  { caller: 'frontend', callee: 'search' },
  { caller: 'checkout', callee: 'payment' },
  { caller: 'checkout', callee: 'cart' },
]);

describe('anomalyWalk', () => {
  it('flows from the symptom users see to the end of the anomalous call path', () => {
    const visits = anomalyWalk(new Map([['frontend', 0.9], ['checkout', 0.9], ['payment', 0.9], ['search', 0.1]]), graph);
    const order = [...visits].sort((a, b) => b[1] - a[1]).map(([service]) => service);
    assert.deepEqual(order.slice(0, 3), ['payment', 'checkout', 'frontend']);
    assert.equal(visits.get('payment'), 1);
  });

  it('stays on an anomalous service whose callees are healthy', () => {
    const visits = anomalyWalk(new Map([['frontend', 0.8], ['checkout', 0.95], ['cart', 0.05]]), graph);
    assert.equal([...visits].sort((a, b) => b[1] - a[1])[0]?.[0], 'checkout');
    assert.ok((visits.get('cart') ?? 1) < 0.2);
  });

  it('handles services the graph does not know, and no evidence at all', () => {
    assert.deepEqual([...anomalyWalk(new Map([['fraud', 0.7]]), graph)], [['fraud', 1]]);
    assert.deepEqual([...anomalyWalk(new Map(), graph)], []);
  });
});
