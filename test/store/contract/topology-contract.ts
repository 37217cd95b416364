import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0 } from './fixtures.js';

/** TopologyRepository behaviour every engine must show. */
export function topologyContract(open: OpenStore): void {
  describe('TopologyRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('saveEdges() upserts by caller, callee and via, keeping the newest lastSeenMs', () => {
      store.topology.saveEdges([
        { caller: 'web', callee: 'cart', via: 'span', lastSeenMs: T0 + 10 },
        { caller: 'cart', callee: 'postgres', via: 'peer', lastSeenMs: T0 },
      ]);
      store.topology.saveEdges([
        { caller: 'web', callee: 'cart', via: 'span', lastSeenMs: T0 },
        { caller: 'cart', callee: 'postgres', via: 'peer', lastSeenMs: T0 + 20 },
        { caller: 'web', callee: 'cart', via: 'peer', lastSeenMs: T0 + 5 },
      ]);
      assert.deepEqual(store.topology.edges(), [
        { caller: 'cart', callee: 'postgres', via: 'peer', lastSeenMs: T0 + 20 },
        { caller: 'web', callee: 'cart', via: 'peer', lastSeenMs: T0 + 5 },
        { caller: 'web', callee: 'cart', via: 'span', lastSeenMs: T0 + 10 },
      ]);
    });

    it('touchServices() upserts services by name, keeping the newest lastSeenMs', () => {
      store.topology.touchServices([
        { name: 'web', lastSeenMs: T0 + 10 },
        { name: 'cart', lastSeenMs: T0 },
      ]);
      store.topology.touchServices([
        { name: 'web', lastSeenMs: T0 },
        { name: 'cart', lastSeenMs: T0 + 30 },
      ]);
      assert.deepEqual(store.topology.services(), [
        { name: 'cart', lastSeenMs: T0 + 30 },
        { name: 'web', lastSeenMs: T0 + 10 },
      ]);
    });

    it('touchInstances() upserts by service and instance: newest lastSeenMs, the newest named host, a host kept when none is named', () => {
      store.topology.touchInstances([
        { service: 'cart', instance: 'cart-0', host: 'node-a', lastSeenMs: T0 + 10 },
        { service: 'web', instance: 'web-0', lastSeenMs: T0 },
      ]);
      store.topology.touchInstances([
        { service: 'cart', instance: 'cart-0', lastSeenMs: T0 + 20 },
        { service: 'web', instance: 'web-0', host: 'node-b', lastSeenMs: T0 + 5 },
      ]);
      store.topology.touchInstances([{ service: 'web', instance: 'web-0', host: 'node-old', lastSeenMs: T0 + 1 }]);
      assert.deepEqual(store.topology.instances(), [
        { service: 'cart', instance: 'cart-0', host: 'node-a', lastSeenMs: T0 + 20 },
        { service: 'web', instance: 'web-0', host: 'node-b', lastSeenMs: T0 + 5 },
      ]);
    });
  });
}
