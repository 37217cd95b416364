import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ChannelSchema, UserSchema } from '../../../src/core/notify-api.js';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0 } from './fixtures.js';

/** NotifyRepository behaviour every engine must show. */
export function notifyContract(open: OpenStore): void {
  describe('NotifyRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('put(), get(), list() and delete() keep configuration records apart by kind', () => {
      const hook = ChannelSchema.parse({ id: 'ops', name: 'Ops', type: 'webhook', url: 'http://127.0.0.1:9/hook' });
      const user = UserSchema.parse({ id: 'ops', name: 'Ops Person' });
      store.notify.put('channel', hook);
      store.notify.put('user', user);
      store.notify.put('channel', { ...hook, id: 'a', name: 'A' });
      assert.deepEqual(store.notify.get('channel', 'ops'), hook);
      assert.deepEqual(store.notify.get('user', 'ops'), user);
      assert.deepEqual(store.notify.list('channel').map((c) => c.id), ['a', 'ops']);
      store.notify.put('channel', { ...hook, name: 'Renamed' });
      assert.equal(store.notify.get('channel', 'ops')?.name, 'Renamed');
      assert.equal(store.notify.delete('channel', 'ops'), true);
      assert.equal(store.notify.delete('channel', 'ops'), false);
      assert.equal(store.notify.get('user', 'ops')?.name, 'Ops Person');
    });

    it('recordDelivery() numbers deliveries; deliveries() lists them newest first, by incident', () => {
      const base = { timeMs: T0, channel: 'ops', channelType: 'webhook', event: 'opened', status: 'sent', attempts: 1 } as const;
      const first = store.notify.recordDelivery({ ...base, incidentId: 'inc_1' });
      store.notify.recordDelivery({ ...base, incidentId: 'inc_2', status: 'failed', attempts: 4, error: 'HTTP 500' });
      const third = store.notify.recordDelivery({ ...base, incidentId: 'inc_1', event: 'resolved' });
      assert.deepEqual(store.notify.deliveries({ incidentId: 'inc_1', limit: 10 }), [third, first]);
      assert.equal(store.notify.deliveries({ limit: 2 }).length, 2);
      assert.equal(store.notify.deliveries({ limit: 10 })[1]?.error, 'HTTP 500');
    });

    it('deliveries() keeps those made in [fromMs, toMs) when given a range', () => {
      const base = { channel: 'ops', channelType: 'webhook', event: 'opened', status: 'sent', attempts: 1 } as const;
      const [before, start, inside, end] = [T0 - 1, T0, T0 + 5, T0 + 10].map((timeMs) => store.notify.recordDelivery({ ...base, timeMs }));
      assert.ok(before && end);
      assert.deepEqual(store.notify.deliveries({ range: { fromMs: T0, toMs: T0 + 10 }, limit: 10 }), [inside, start]);
    });

    it('keeps notified state and escalations by incident and status', () => {
      store.notify.saveNotified('inc_1', { status: 'triggered', severity: 'error', alertCount: 2, lastSentMs: { r1: T0 } });
      assert.deepEqual(store.notify.notified('inc_1')?.lastSentMs, { r1: T0 });
      assert.equal(store.notify.notified('inc_2'), undefined);
      const state = { incidentId: 'inc_1', policyId: 'p', level: 0, round: 0, startedMs: T0, nextAtMs: T0 + 1, status: 'active' } as const;
      store.notify.saveEscalation(state);
      store.notify.saveEscalation({ ...state, policyId: 'q', status: 'stopped' });
      assert.deepEqual(store.notify.escalations({ status: 'active' }), [state]);
      store.notify.saveEscalation({ ...state, status: 'stopped' });
      assert.deepEqual(store.notify.escalations({ status: 'active' }), []);
      assert.equal(store.notify.escalations({ incidentId: 'inc_1' }).length, 2);
    });
  });
}
