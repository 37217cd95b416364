import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selfTime, selfTimes, type TimedSpan } from '../../../src/observe/traces/self-time.js';

const span = (spanId: string, startMs: number, durationMs: number, parentSpanId?: string): TimedSpan => ({
  spanId,
  startMs,
  durationMs,
  ...(parentSpanId !== undefined ? { parentSpanId } : {}),
});

describe('selfTime()', () => {
  it('is the whole duration without children', () => {
    assert.equal(selfTime(span('p', 0, 100), []), 100);
  });

  it('subtracts sequential children', () => {
    assert.equal(selfTime(span('p', 0, 100), [span('a', 10, 20), span('b', 40, 30)]), 50);
  });

  it('counts overlapping (parallel) children once', () => {
    // a: 10-50, b: 30-70, c: 35-40 (inside both) → covered 10-70 = 60.
    assert.equal(selfTime(span('p', 0, 100), [span('a', 10, 40), span('b', 30, 40), span('c', 35, 5)]), 40);
  });

  it('counts only the part of a child inside its parent', () => {
    // Starts before the parent (clock skew) and ends after it: covers 0-20 and 90-100.
    assert.equal(selfTime(span('p', 0, 100), [span('early', -10, 30), span('late', 90, 50)]), 70);
  });

  it('ignores async children that run after the parent ended', () => {
    assert.equal(selfTime(span('producer', 0, 5), [span('consumer', 50, 200)]), 5);
    assert.equal(selfTime(span('p', 0, 10), [span('touching', 10, 5)]), 10);
  });

  it('is never negative and keeps fractional milliseconds', () => {
    assert.equal(selfTime(span('p', 0, 0.5), [span('a', 0, 0.25)]), 0.25);
    assert.equal(selfTime(span('p', 0, 10), [span('all', 0, 10), span('again', 0, 10)]), 0);
  });
});

describe('selfTimes()', () => {
  it('gives every span of a trace its self time, children found by parent id', () => {
    const times = selfTimes([
      span('root', 0, 100),
      span('db', 10, 30, 'root'),
      span('cache', 50, 10, 'root'),
      span('query', 15, 20, 'db'),
      span('orphan', 500, 7, 'missing'),
    ]);
    assert.deepEqual(Object.fromEntries(times), { root: 60, db: 10, cache: 10, query: 20, orphan: 7 });
  });
});
