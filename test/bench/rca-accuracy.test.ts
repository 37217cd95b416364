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
  assert.equal(accuracy.mrr, (1 + 1 / 3) / 4);
});

test('accuracyOf() counts a service listed twice at its first place', () => {
  const accuracy = accuracyOf([{ truth: 'cart', ranked: ['frontend', 'frontend', 'frontend', 'frontend', 'frontend', 'cart'] }]);
  assert.deepEqual(accuracy.acAt, [0, 1, 1, 1, 1]);
  assert.equal(accuracy.mrr, 0.5);
});

test('accuracyOf() of no cases is zero, not NaN', () => {
  assert.deepEqual(accuracyOf([]), { cases: 0, acAt: [0, 0, 0, 0, 0], avg5: 0, mrr: 0 });
});
