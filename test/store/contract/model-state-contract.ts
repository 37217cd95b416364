import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0 } from './fixtures.js';

/** ModelStateRepository behaviour every engine must show. */
export function modelStateContract(open: OpenStore): void {
  describe('ModelStateRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('loadAll() returns the entries of one kind, least recently updated first', () => {
      store.modelState.saveMany([
        { key: 'b', kind: 'series-detector', state: '{"n":2}', updatedMs: T0 + 1 },
        { key: 'a', kind: 'series-detector', state: '{"n":1}', updatedMs: T0 },
        { key: 'a', kind: 'other', state: 'x', updatedMs: T0 },
      ]);
      assert.deepEqual(store.modelState.loadAll('series-detector'), [
        { key: 'a', state: '{"n":1}' },
        { key: 'b', state: '{"n":2}' },
      ]);
      assert.deepEqual(store.modelState.loadAll('missing'), []);
    });

    it('load() returns the state of one (kind, key), or undefined', () => {
      store.modelState.saveMany([
        { key: 'cart', kind: 'log-miner', state: '{"n":1}', updatedMs: T0 },
        { key: 'cart', kind: 'other', state: 'x', updatedMs: T0 },
      ]);
      assert.equal(store.modelState.load('log-miner', 'cart'), '{"n":1}');
      assert.equal(store.modelState.load('log-miner', 'payments'), undefined);
    });

    it('saveMany() replaces an entry with the same kind and key', () => {
      store.modelState.saveMany([{ key: 'a', kind: 'k', state: 'old', updatedMs: T0 }]);
      store.modelState.saveMany([{ key: 'a', kind: 'k', state: 'new', updatedMs: T0 + 5 }]);
      store.modelState.saveMany([]);
      assert.deepEqual(store.modelState.loadAll('k'), [{ key: 'a', state: 'new' }]);
    });

    it('saveMany() inside a failed transaction leaves nothing behind', () => {
      assert.throws(() =>
        store.transaction(() => {
          store.modelState.saveMany([{ key: 'a', kind: 'k', state: 's', updatedMs: T0 }]);
          throw new Error('boom');
        }),
      );
      assert.deepEqual(store.modelState.loadAll('k'), []);
    });
  });
}
