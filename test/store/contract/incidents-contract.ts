import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, incident } from './fixtures.js';

/** IncidentRepository behaviour every engine must show. */
export function incidentsContract(open: OpenStore): void {
  describe('IncidentRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('get() round-trips an incident and save() updates it in place', () => {
      const original = incident();
      store.incidents.save(original);
      assert.deepEqual(store.incidents.get('inc_1'), original);
      const acked = incident({ status: 'acknowledged', acknowledgedMs: T0 + 5, updatedMs: T0 + 5 });
      store.incidents.save(acked);
      assert.deepEqual(store.incidents.get('inc_1'), acked);
      assert.equal(store.incidents.get('missing'), undefined);
    });

    it('noteActivity() only raises updatedMs and severity, keeping every other field', () => {
      const original = incident({ title: 'cart errors — "quoted" ünïcode', severity: 'warning', updatedMs: T0 + 10 });
      store.incidents.save(original);
      store.incidents.noteActivity('inc_1', { updatedMs: T0 + 5, severity: 'info' });
      assert.deepEqual(store.incidents.get('inc_1'), original, 'older activity and a lower severity change nothing');
      store.incidents.noteActivity('inc_1', { updatedMs: T0 + 20, severity: 'critical' });
      assert.deepEqual(store.incidents.get('inc_1'), { ...original, updatedMs: T0 + 20, severity: 'critical' });
      store.incidents.noteActivity('inc_1', { updatedMs: T0 + 30, severity: 'error' });
      assert.deepEqual(store.incidents.get('inc_1'), { ...original, updatedMs: T0 + 30, severity: 'critical' });
      store.incidents.noteActivity('missing', { updatedMs: T0, severity: 'info' });
      assert.equal(store.incidents.get('missing'), undefined);
    });

    it('addAlerts() appends new alerts and missing services in order, as saving their unions would', () => {
      const original = incident({ title: 'cart errors — "quoted" ünïcode', severity: 'warning', startedMs: T0 + 10, updatedMs: T0 + 10 });
      store.incidents.save(original);
      store.incidents.addAlerts('inc_1', { alertIds: ['alt_3', 'alt_2'], services: ['payments', 'search', 'cart', 'ads'], startedMs: T0 + 20, updatedMs: T0 + 5, severity: 'info' });
      const grown = { ...original, services: ['cart', 'payments', 'search', 'ads'], alertIds: ['alt_1', 'alt_3', 'alt_2'] };
      assert.deepEqual(store.incidents.get('inc_1'), grown, 'a later start, older activity and a lower severity change nothing');
      store.incidents.addAlerts('inc_1', { alertIds: ['alt_4'], services: [], startedMs: T0 + 1, updatedMs: T0 + 30, severity: 'critical' });
      const earlier = { ...grown, alertIds: [...grown.alertIds, 'alt_4'], startedMs: T0 + 1, updatedMs: T0 + 30, severity: 'critical' as const };
      assert.deepEqual(store.incidents.get('inc_1'), earlier);
      assert.deepEqual(
        store.incidents.list({ overlapping: { fromMs: T0, toMs: T0 + 2 } }).map((i) => i.id),
        ['inc_1'],
        'the start moves in the column lists filter on too',
      );
      store.incidents.save(incident({ id: 'inc_2', alertIds: [], services: [] }));
      store.incidents.addAlerts('inc_2', { alertIds: ['alt_9'], services: ['cart'], startedMs: T0, updatedMs: T0, severity: 'error' });
      assert.deepEqual(store.incidents.get('inc_2'), incident({ id: 'inc_2', alertIds: ['alt_9'], services: ['cart'] }));
      store.incidents.addAlerts('missing', { alertIds: ['alt_5'], services: ['cart'], startedMs: T0, updatedMs: T0, severity: 'info' });
      assert.equal(store.incidents.get('missing'), undefined);
    });

    it('list() is newest first by startedMs and filters by a set of statuses and a limit', () => {
      store.incidents.save(incident({ id: 'a', startedMs: T0 + 1 }));
      store.incidents.save(incident({ id: 'b', startedMs: T0 + 3, status: 'resolved' }));
      store.incidents.save(incident({ id: 'c', startedMs: T0 + 2, status: 'acknowledged' }));
      const ids = (incidents: Array<{ id: string }>): string[] => incidents.map((i) => i.id);
      assert.deepEqual(ids(store.incidents.list()), ['b', 'c', 'a']);
      assert.deepEqual(ids(store.incidents.list({ status: ['triggered', 'acknowledged'] })), ['c', 'a']);
      assert.deepEqual(ids(store.incidents.list({ status: ['closed'] })), []);
      assert.deepEqual(ids(store.incidents.list({ status: [] })), []);
      assert.deepEqual(ids(store.incidents.list({ limit: 1 })), ['b']);
    });

    it('timeline() returns entries oldest first, per incident, and survives a re-save', () => {
      store.incidents.save(incident({ id: 'a' }));
      store.incidents.save(incident({ id: 'b' }));
      const first = { incidentId: 'a', timeMs: T0, kind: 'alert' as const, message: 'alert fired' };
      const second = { incidentId: 'a', timeMs: T0 + 10, kind: 'status' as const, message: 'acknowledged' };
      const sameTime = { incidentId: 'a', timeMs: T0 + 10, kind: 'note' as const, message: 'looking' };
      store.incidents.appendTimeline(second);
      store.incidents.appendTimeline(first);
      store.incidents.appendTimeline(sameTime);
      store.incidents.appendTimeline({ incidentId: 'b', timeMs: T0, kind: 'rca', message: 'payments' });
      store.incidents.save(incident({ id: 'a', status: 'resolved' }));
      assert.deepEqual(store.incidents.timeline('a'), [first, second, sameTime]);
      assert.deepEqual(store.incidents.timeline('missing'), []);
    });
  });
}
