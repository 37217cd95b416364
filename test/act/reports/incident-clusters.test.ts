import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { similarIncidentClusters } from '../../../src/act/reports/incident-clusters.js';
import type { Alert, Incident } from '../../../src/core/records.js';

function document(id: string, title: string, service: string, startedMs: number): { incident: Incident; alerts: Alert[] } {
  const incident: Incident = { id, title, status: 'resolved', severity: 'error', services: [service], startedMs, updatedMs: startedMs, alertIds: [], causes: [] };
  return { incident, alerts: [] };
}

describe('similarIncidentClusters()', () => {
  it('groups alike incidents, newest first, and leaves the odd one out', () => {
    const clusters = similarIncidentClusters([
      document('a', 'payment gateway timeout', 'payment', 1),
      document('b', 'payment gateway timeout', 'payment', 3),
      document('c', 'disk full on db volume', 'db', 2),
      document('d', 'payment gateway timeout again', 'payment', 2),
    ]);
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0]?.incidentIds, ['b', 'd', 'a']);
    assert.equal(clusters[0]?.title, 'payment gateway timeout');
    assert.deepEqual(clusters[0]?.services, ['payment']);
  });

  it('finds no cluster among unrelated incidents and rejects a bad threshold', () => {
    assert.deepEqual(similarIncidentClusters([document('a', 'cpu high', 'api', 1), document('b', 'disk full', 'db', 2)]), []);
    assert.throws(() => similarIncidentClusters([], { minSimilarity: 0 }), /minSimilarity must be in \(0, 1\], got 0/);
  });
});
