import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterValues } from '../../../src/observe/log-patterns/parameter-values.js';

describe('parameterValues()', () => {
  it('counts the values of each <*> over the lines that fit, most frequent first, capped', () => {
    const lines = ['user 42 from a', 'user 7 from b', 'user 42 from c', 'something else entirely'];
    const summary = parameterValues('user <*> from <*>', lines, { maxValues: 2 });
    assert.equal(summary.matched, 3);
    assert.deepEqual(summary.parameters, [
      { position: 0, values: [{ value: '42', count: 2 }, { value: '7', count: 1 }], distinct: 2 },
      { position: 1, values: [{ value: 'a', count: 1 }, { value: 'b', count: 1 }], distinct: 3 },
    ]);
  });

  it('returns no parameters for a template without any, or lines that never fit', () => {
    assert.deepEqual(parameterValues('service started', ['service started'], { maxValues: 5 }), { parameters: [], matched: 1 });
    assert.deepEqual(parameterValues('user <*> from <*>', ['nope'], { maxValues: 5 }), { parameters: [], matched: 0 });
  });
});
