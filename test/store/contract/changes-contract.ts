import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, change } from './fixtures.js';

/** ChangeRepository behaviour every engine must show. */
export function changesContract(open: OpenStore): void {
  describe('ChangeRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('list() round-trips changes oldest first, both range ends included, by service', () => {
      const c1 = change({ id: 'c1', timeMs: T0 + 2 });
      const c2 = change({ id: 'c2', timeMs: T0, service: 'payments', kind: 'config', version: undefined });
      const c3 = change({ id: 'c3', timeMs: T0 + 1, kind: 'feature_flag' });
      const outside = change({ id: 'c4', timeMs: T0 + 3 });
      delete c2.version;
      for (const c of [c1, c2, c3, outside]) store.changes.save(c);
      const range = { fromMs: T0, toMs: T0 + 2 };
      assert.deepEqual(store.changes.list({ range }), [c2, c3, c1]);
      assert.deepEqual(store.changes.list({ range, service: 'cart' }), [c3, c1]);
      assert.deepEqual(store.changes.list({ range: { fromMs: 0, toMs: 1 } }), []);
    });

    it('save() updates a change with the same id', () => {
      store.changes.save(change());
      const edited = change({ description: 'cart v1.2.4', version: '1.2.4' });
      store.changes.save(edited);
      assert.deepEqual(store.changes.list({ range: { fromMs: T0, toMs: T0 } }), [edited]);
    });
  });
}
