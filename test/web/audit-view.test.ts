import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldChanges } from '../../web/src/audit-view.js';

describe('audit entry diff', () => {
  it('lists only the fields that changed, as JSON', () => {
    assert.deepEqual(fieldChanges({ team: 'a', tier: 2, runbooks: [] }, { team: 'b', tier: 2, runbooks: [], owner: 'x' }), [
      { field: 'owner', before: undefined, after: '"x"' },
      { field: 'team', before: '"a"', after: '"b"' },
    ]);
  });

  it('shows a creation as all fields after, and a scalar as one value', () => {
    assert.deepEqual(fieldChanges(undefined, { id: 's1' }), [{ field: 'id', before: undefined, after: '"s1"' }]);
    assert.deepEqual(fieldChanges(undefined, 'text'), [{ field: '(value)', before: undefined, after: '"text"' }]);
    assert.deepEqual(fieldChanges({ a: 1 }, { a: 1 }), []);
  });
});
