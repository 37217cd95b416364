import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CumulativeState, type CumulativeEntry } from '../../../src/ingest/otlp/cumulative-state.js';

function entry(time: number): CumulativeEntry {
  return { startNanos: 0n, timeNanos: BigInt(time), counters: [time], sum: undefined, layout: '' };
}

describe('CumulativeState', () => {
  it('keeps at most maxSeries, evicting the least recently updated', () => {
    const state = new CumulativeState({ maxSeries: 3 });
    for (const key of ['a', 'b', 'c']) state.set(key, entry(1));
    state.set('a', entry(2)); // a is now the most recent
    state.set('d', entry(3));
    assert.equal(state.size, 3);
    assert.equal(state.get('b'), undefined);
    assert.deepEqual(['a', 'c', 'd'].map((key) => state.get(key) !== undefined), [true, true, true]);
  });

  it('stays bounded under a flood of distinct series', () => {
    const state = new CumulativeState({ maxSeries: 100 });
    for (let index = 0; index < 10_000; index++) state.set(`series-${index}`, entry(index));
    assert.equal(state.size, 100);
    assert.notEqual(state.get('series-9999'), undefined);
  });

  it('refuses a maxSeries that is not a positive integer', () => {
    assert.throws(() => new CumulativeState({ maxSeries: 0 }), /maxSeries must be a positive integer, got 0/);
  });

  it('stage(): reads its own writes and deletions, changes the state only on commit', () => {
    const state = new CumulativeState();
    state.set('kept', entry(1));
    const stage = state.stage();
    stage.set('new', entry(2));
    stage.delete('kept');
    assert.deepEqual(stage.get('new'), entry(2));
    assert.equal(stage.get('kept'), undefined);
    assert.equal(state.get('new'), undefined);
    assert.deepEqual(state.get('kept'), entry(1));
    stage.commit();
    assert.deepEqual(state.get('new'), entry(2));
    assert.equal(state.get('kept'), undefined);
  });
});
