import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftFromAlert, silenceInputOf } from '../../web/src/silence-draft.js';

describe('draftFromAlert', () => {
  it("prefills equality matchers from the alert's labels, with its service first when no label names it", () => {
    const draft = draftFromAlert({ name: 'ReplicaLag', service: 'postgres', labels: { cluster: 'eu-1', dedup_key: 'abc' } });
    assert.deepEqual(draft.matchers, [
      { name: 'service', op: '=', value: 'postgres' },
      { name: 'cluster', op: '=', value: 'eu-1' },
    ]);
  });

  it('falls back to the alert name when it has no labels and no service', () => {
    assert.deepEqual(draftFromAlert({ name: 'disk full', labels: {} }).matchers, [{ name: 'name', op: '=', value: 'disk full' }]);
  });
});

describe('silenceInputOf', () => {
  it('ends the silence its duration after now', () => {
    const input = silenceInputOf({ ...draftFromAlert({ name: 'x', labels: {} }), hours: 2, reason: 'r', createdBy: 'c' }, Date.parse('2030-01-01T00:00:00Z'));
    assert.equal(input.endsAt, '2030-01-01T02:00:00.000Z');
  });
});
