import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Severity, Signal } from '../../../src/core/records.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';
import { IncidentDesk } from '../../../src/engage/incidents/incident-desk.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const graph = new ServiceGraph([{ caller: 'checkout', callee: 'payments' }]);

function signal(fingerprint: string, service: string, timeMs: number, overrides: Partial<Signal> = {}): Signal {
  return { kind: 'alert', source: 'test', fingerprint, name: 'error ratio up', service, status: 'firing', severity: 'warning', timeMs, summary: 'error ratio up', labels: { team: 'shop' }, ...overrides };
}

describe('IncidentDesk: repeats and resolves of an incident\'s own alerts', () => {
  it('raise its updatedMs and severity and change nothing else, and land in the same batch as new alerts', () => {
    const store = openSqliteStore({ path: ':memory:' });
    const desk = new IncidentDesk({ store, graph: () => graph, windowMs: 120_000, maxDistance: 2, quietMs: 60_000 });
    const [id] = desk.onSignals([signal('a', 'checkout', T0), signal('b', 'payments', T0 + 1_000)]);
    const opened = store.incidents.get(id as string);
    assert.ok(opened);
    assert.equal(opened.alertIds.length, 2);

    // Repeats only: the incident is not rewritten, only raised.
    desk.onSignals([signal('a', 'checkout', T0 + 30_000, { severity: 'critical' as Severity }), signal('b', 'payments', T0 + 20_000)]);
    const repeated = store.incidents.get(opened.id);
    assert.deepEqual(repeated, { ...opened, updatedMs: T0 + 30_000, severity: 'critical' });

    // A lower severity does not lower it; a resolve moves updatedMs to its end.
    desk.onSignals([signal('b', 'payments', T0 + 40_000, { status: 'resolved' })]);
    assert.deepEqual(store.incidents.get(opened.id), { ...opened, updatedMs: T0 + 40_000, severity: 'critical' });

    // A new alert joining in the same batch as a repeat takes the full refresh.
    desk.onSignals([signal('a', 'checkout', T0 + 45_000), signal('c', 'checkout', T0 + 46_000, { labels: { team: 'shop', tier: 'web' } })]);
    const grown = store.incidents.get(opened.id);
    assert.equal(grown?.alertIds.length, 3);
    assert.equal(grown?.updatedMs, T0 + 46_000);
    assert.deepEqual(store.alerts.list({ incidentId: opened.id }).map((alert) => alert.fingerprint).sort(), ['a', 'b', 'c']);
    const ids = store.alerts.list().map((alert) => alert.id);
    assert.deepEqual([...ids].sort(), store.alerts.list().sort((x, y) => x.startsMs - y.startsMs).map((alert) => alert.id), 'alert ids sort by creation');
    store.close();
  });

  it('append the alerts created in a batch to the incident they joined, as a full refresh would', () => {
    const store = openSqliteStore({ path: ':memory:' });
    const desk = new IncidentDesk({ store, graph: () => graph, windowMs: 120_000, maxDistance: 2, quietMs: 60_000 });
    const [id] = desk.onSignals([signal('a', 'checkout', T0 + 10_000)]);
    const opened = store.incidents.get(id as string);
    assert.ok(opened);
    // Two new alerts (one twice, one on a service the incident lacks, one of them earlier than
    // the incident's start and more severe) and a repeat of its own alert, in one batch.
    desk.onSignals([
      signal('b', 'payments', T0 + 12_000),
      signal('a', 'checkout', T0 + 13_000),
      signal('c', 'checkout', T0 + 5_000, { severity: 'error' as Severity }),
      signal('b', 'payments', T0 + 14_000),
    ]);
    const alerts = store.alerts.list({ incidentId: opened.id });
    const idOf = (fingerprint: string) => alerts.find((alert) => alert.fingerprint === fingerprint)?.id as string;
    assert.deepEqual(store.incidents.get(opened.id), {
      ...opened,
      services: ['checkout', 'payments'],
      alertIds: [idOf('a'), idOf('b'), idOf('c')],
      severity: 'error',
      startedMs: T0 + 5_000,
      updatedMs: T0 + 14_000,
    });
    store.close();
  });
});
