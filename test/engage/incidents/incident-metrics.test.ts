import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident } from '../../../src/core/records.js';
import { durationStats, incidentStats, quantileSorted, timeToAcknowledgeMs, timeToResolveMs } from '../../../src/engage/incidents/incident-metrics.js';

const MIN = 60_000;

function incident(id: string, overrides: Partial<Incident>): Incident {
  return { id, title: id, status: 'resolved', severity: 'error', services: ['cart'], startedMs: 0, updatedMs: 0, alertIds: [], causes: [], ...overrides };
}

describe('timeToAcknowledgeMs() and timeToResolveMs()', () => {
  it('measure from the start; absent without the stamp; never negative', () => {
    const i = incident('a', { startedMs: 10 * MIN, acknowledgedMs: 13 * MIN, resolvedMs: 40 * MIN });
    assert.equal(timeToAcknowledgeMs(i), 3 * MIN);
    assert.equal(timeToResolveMs(i), 30 * MIN);
    assert.equal(timeToAcknowledgeMs(incident('b', {})), undefined);
    assert.equal(timeToResolveMs(incident('c', { startedMs: 5, resolvedMs: 1 })), 0);
  });
});

describe('quantileSorted()', () => {
  it('interpolates between closest ranks (Hyndman–Fan 7, as R and NumPy)', () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.9]) == [2.5, 3.7]
    assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
    assert.ok(Math.abs(quantileSorted([1, 2, 3, 4], 0.9) - 3.7) < 1e-12);
    assert.equal(quantileSorted([7], 0.9), 7);
    assert.throws(() => quantileSorted([], 0.5), RangeError);
  });
});

describe('durationStats()', () => {
  it('gives count, mean, p50 and p90; nothing for no values', () => {
    const stats = durationStats([4, 1, 3, 2]);
    assert.equal(stats?.count, 4);
    assert.equal(stats?.meanMs, 2.5);
    assert.equal(stats?.p50Ms, 2.5);
    assert.ok(Math.abs((stats?.p90Ms ?? 0) - 3.7) < 1e-12);
    assert.equal(durationStats([]), undefined);
  });
});

describe('incidentStats()', () => {
  const incidents = [
    incident('a', { startedMs: 0, acknowledgedMs: 2 * MIN, resolvedMs: 10 * MIN, services: ['cart', 'payment'], severity: 'critical' }),
    incident('b', { startedMs: 5 * MIN, acknowledgedMs: 9 * MIN, resolvedMs: 35 * MIN, services: ['cart'] }),
    // Open and never acknowledged: counted, but in neither MTTA nor MTTR.
    incident('c', { startedMs: 20 * MIN, status: 'triggered', services: ['payment'] }),
    // Started before the window: left out.
    incident('d', { startedMs: -MIN, acknowledgedMs: 0, resolvedMs: MIN }),
  ];
  const stats = incidentStats(incidents, { fromMs: 0, toMs: 60 * MIN });

  it('aggregates MTTA and MTTR over the incidents that started in the window', () => {
    assert.equal(stats.count, 3);
    assert.deepEqual(stats.mtta, { count: 2, meanMs: 3 * MIN, p50Ms: 3 * MIN, p90Ms: 3.8 * MIN });
    assert.deepEqual(stats.mttr, { count: 2, meanMs: 20 * MIN, p50Ms: 20 * MIN, p90Ms: 28 * MIN });
  });

  it('groups by service (an incident counts for each service) and by severity, most severe first', () => {
    assert.deepEqual(
      stats.byService.map((s) => [s.service, s.count, s.mttr?.meanMs]),
      [
        ['cart', 2, 20 * MIN],
        ['payment', 2, 10 * MIN],
      ],
    );
    assert.deepEqual(
      stats.bySeverity.map((s) => [s.severity, s.count, s.mtta?.meanMs]),
      [
        ['critical', 1, 2 * MIN],
        ['error', 2, 4 * MIN],
      ],
    );
  });
});
