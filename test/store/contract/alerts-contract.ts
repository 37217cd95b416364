import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, alert } from './fixtures.js';

/** AlertRepository behaviour every engine must show. */
export function alertsContract(open: OpenStore): void {
  describe('AlertRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('get() round-trips an alert and save() updates it in place', () => {
      const original = alert();
      store.alerts.save(original);
      assert.deepEqual(store.alerts.get('alt_1'), original);
      const resolved = alert({ status: 'resolved', endsMs: T0 + 60_000, count: 4, incidentId: 'inc_1' });
      store.alerts.save(resolved);
      assert.deepEqual(store.alerts.get('alt_1'), resolved);
      assert.equal(store.alerts.list().length, 1);
      assert.equal(store.alerts.get('missing'), undefined);
    });

    it('byFingerprint() returns the most recently seen alert of that fingerprint', () => {
      store.alerts.save(alert({ id: 'old', status: 'resolved', lastSeenMs: T0 }));
      store.alerts.save(alert({ id: 'new', lastSeenMs: T0 + 1000 }));
      store.alerts.save(alert({ id: 'other', fingerprint: 'fp-2', lastSeenMs: T0 + 2000 }));
      assert.equal(store.alerts.byFingerprint('fp-1')?.id, 'new');
      assert.equal(store.alerts.byFingerprint('fp-3'), undefined);
    });

    it('byFingerprint() prefers the firing alert when a new episode starts as the last one ended', () => {
      // Ids are random, so both orders of a tie on lastSeenMs must give the firing alert.
      for (const [resolvedId, firingId] of [['a', 'z'], ['z', 'a']] as const) {
        const fingerprint = `fp-${resolvedId}`;
        store.alerts.save(alert({ id: resolvedId, fingerprint, status: 'resolved', lastSeenMs: T0, endsMs: T0 }));
        store.alerts.save(alert({ id: firingId, fingerprint, startsMs: T0, lastSeenMs: T0 }));
        assert.equal(store.alerts.byFingerprint(fingerprint)?.id, firingId);
      }
    });

    it('list() is newest first by lastSeenMs and filters by status, incident and limit', () => {
      store.alerts.save(alert({ id: 'a', lastSeenMs: T0 + 1, incidentId: 'inc_1' }));
      store.alerts.save(alert({ id: 'b', lastSeenMs: T0 + 3, status: 'resolved', incidentId: 'inc_1' }));
      store.alerts.save(alert({ id: 'c', lastSeenMs: T0 + 2 }));
      const ids = (alerts: Array<{ id: string }>): string[] => alerts.map((a) => a.id);
      assert.deepEqual(ids(store.alerts.list()), ['b', 'c', 'a']);
      assert.deepEqual(ids(store.alerts.list({ status: 'firing' })), ['c', 'a']);
      assert.deepEqual(ids(store.alerts.list({ incidentId: 'inc_1' })), ['b', 'a']);
      assert.deepEqual(ids(store.alerts.list({ incidentId: 'inc_1', status: 'firing' })), ['a']);
      assert.deepEqual(ids(store.alerts.list({ limit: 2 })), ['b', 'c']);
      assert.deepEqual(ids(store.alerts.list({ limit: 0 })), []);
    });

    it('saveRepeat() is read back at once, moves the alert up list() and into overlapping windows', () => {
      store.alerts.save(alert({ id: 'a', fingerprint: 'fp-a', lastSeenMs: T0 + 1 }));
      store.alerts.save(alert({ id: 'b', fingerprint: 'fp-b', lastSeenMs: T0 + 2 }));
      const repeated = alert({ id: 'a', fingerprint: 'fp-a', lastSeenMs: T0 + 50, count: 7, summary: 'worse' });
      store.transaction(() => store.alerts.saveRepeat(repeated));
      assert.deepEqual(store.alerts.get('a'), repeated);
      assert.deepEqual(store.alerts.byFingerprint('fp-a'), repeated);
      assert.deepEqual(store.windows.alertsOverlapping({ fromMs: T0 + 40, toMs: T0 + 60 }, 10).map((a) => a.id), ['a']);
      assert.deepEqual(store.alerts.list().map((a) => [a.id, a.count]), [['a', 7], ['b', 1]]);
      store.alerts.saveRepeat({ ...repeated, lastSeenMs: T0 + 60, count: 8 });
      assert.equal(store.alerts.get('a')?.count, 8);
    });

    it('saveRepeat() of a correlated alert keeps its correlation through reads and list()', () => {
      const correlation = {
        incidentId: 'inc_1',
        outcome: 'joined' as const,
        score: 0.91,
        threshold: 0.5,
        reason: 'joined: same service cart, 2 s apart — "quoted"',
        features: { time: 1, topology: 1, labels: 0.5, text: 0.25 },
        candidates: [{ incidentId: 'inc_1', score: 0.91, features: { time: 1, topology: 1, labels: 0.5, text: 0.25 } }],
      };
      store.alerts.save(alert({ id: 'a', fingerprint: 'fp-a', incidentId: 'inc_1', correlation, lastSeenMs: T0 + 1 }));
      const repeated = alert({ id: 'a', fingerprint: 'fp-a', incidentId: 'inc_1', correlation, lastSeenMs: T0 + 9, count: 3 });
      store.alerts.saveRepeat(repeated);
      assert.deepEqual(store.alerts.get('a'), repeated);
      assert.deepEqual(store.alerts.byFingerprint('fp-a'), repeated);
      assert.deepEqual(store.alerts.list(), [repeated]);
      const again = { ...repeated, lastSeenMs: T0 + 12, count: 4 };
      store.alerts.saveRepeat(again);
      assert.deepEqual(store.alerts.get('a'), again);
    });

    it('save() after saveRepeat() wins: a repeat never shadows a later change', () => {
      store.alerts.save(alert({ id: 'a', lastSeenMs: T0 + 1 }));
      store.alerts.saveRepeat(alert({ id: 'a', lastSeenMs: T0 + 5, count: 2 }));
      const resolved = alert({ id: 'a', status: 'resolved', lastSeenMs: T0 + 5, endsMs: T0 + 6, count: 2 });
      store.alerts.save(resolved);
      assert.deepEqual(store.alerts.get('a'), resolved);
      assert.deepEqual(store.alerts.list({ status: 'firing' }), []);
      assert.deepEqual(store.alerts.list(), [resolved]);
    });
  });
}
