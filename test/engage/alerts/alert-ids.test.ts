import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlertIds } from '../../../src/engage/alerts/alert-ids.js';

describe('AlertIds', () => {
  it('sort in creation order within a millisecond, across milliseconds and when the clock steps back', () => {
    const clock = [5, 5, 5, 6, 6, 4, 4, 7, 7_000_000_000_000];
    let at = 0;
    const ids = new AlertIds(() => clock[Math.min(at++, clock.length - 1)] as number);
    const made = clock.map(() => ids.next());
    assert.deepEqual([...made].sort(), made);
    assert.equal(new Set(made).size, made.length);
    for (const id of made) assert.match(id, /^alr_[0-9a-f]{20}$/);
  });

  it('start at a random point each millisecond, so two processes rarely collide', () => {
    const a = new AlertIds(() => 1).next();
    const b = new AlertIds(() => 1).next();
    assert.notEqual(a, b);
    assert.ok(a.startsWith('alr_00000000001'));
  });
});
