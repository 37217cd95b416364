import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracyOf } from '../../bench/rca/accuracy.js';

test('accuracyOf() counts a case in AC@k from its rank on, and Avg@5 averages AC@1…AC@5', () => {
  const accuracy = accuracyOf([
    { truth: 'cart', ranked: ['cart', 'frontend'] },
    { truth: 'cart', ranked: ['frontend', 'checkout', 'cart'] },
    { truth: 'cart', ranked: ['frontend', 'a', 'b', 'c', 'd', 'cart'] },
    { truth: 'cart', ranked: [] },
  ]);
  assert.equal(accuracy.cases, 4);
  assert.deepEqual(accuracy.acAt, [0.25, 0.25, 0.5, 0.5, 0.5]);
  assert.equal(accuracy.avg5, 0.4);
});

test('accuracyOf() of no cases is zero, not NaN', () => {
  assert.deepEqual(accuracyOf([]), { cases: 0, acAt: [0, 0, 0, 0, 0], avg5: 0 });
});
