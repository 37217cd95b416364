import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seriesKey } from '../../../src/core/series.js';
import { alertsContract } from './alerts-contract.js';
import { changesContract } from './changes-contract.js';
import { findingsContract } from './findings-contract.js';
import { type OpenStore, alert, incident, metricPoint } from './fixtures.js';
import { incidentManagementContract } from './incident-management-contract.js';
import { incidentsContract } from './incidents-contract.js';
import { logsContract } from './logs-contract.js';
import { modelStateContract } from './model-state-contract.js';
import { notifyContract } from './notify-contract.js';
import { reportsContract } from './reports-contract.js';
import { telemetryContract } from './telemetry-contract.js';
import { topologyContract } from './topology-contract.js';
import { tracesContract } from './traces-contract.js';
import { windowsContract } from './windows-contract.js';

/**
 * The whole Store contract. Each engine runs it with its own `open`, so SQLite and PostgreSQL
 * answer the same questions the same way.
 */
export function storeContract(open: OpenStore): void {
  telemetryContract(open);
  logsContract(open);
  tracesContract(open);
  alertsContract(open);
  incidentsContract(open);
  incidentManagementContract(open);
  changesContract(open);
  topologyContract(open);
  modelStateContract(open);
  notifyContract(open);
  reportsContract(open);
  windowsContract(open);
  findingsContract(open);

  describe('Store', () => {
    it('transaction() returns the result of its work and keeps its writes', () => {
      const store = open();
      const result = store.transaction(() => {
        store.alerts.save(alert());
        store.incidents.save(incident());
        return 42;
      });
      assert.equal(result, 42);
      assert.equal(store.alerts.get('alt_1')?.id, 'alt_1');
      assert.equal(store.incidents.get('inc_1')?.id, 'inc_1');
      store.close();
    });

    it('transaction() rolls every write back when its work throws, batch inserts included', () => {
      const store = open();
      const failure = new Error('boom');
      assert.throws(
        () =>
          store.transaction(() => {
            store.alerts.save(alert());
            store.telemetry.insertMetricPoints([metricPoint()]);
            store.topology.touchServices([{ name: 'cart', lastSeenMs: 1 }]);
            throw failure;
          }),
        (error) => error === failure,
      );
      assert.equal(store.alerts.get('alt_1'), undefined);
      assert.deepEqual(store.telemetry.listSeries(), []);
      assert.deepEqual(store.topology.services(), []);
      // The store stays usable, and a series first created inside the rolled-back work can be written again.
      store.telemetry.insertMetricPoints([metricPoint()]);
      const range = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
      assert.equal(store.telemetry.seriesPoints(seriesKey(metricPoint()), range).length, 1);
      store.close();
    });

    it('ready() is true while open and false once closed; close() twice is harmless', () => {
      const store = open();
      assert.equal(store.ready(), true);
      store.close();
      assert.equal(store.ready(), false);
      store.close();
    });
  });
}
