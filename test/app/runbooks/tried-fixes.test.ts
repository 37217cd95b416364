/**
 * tried-fixes.ts: a fix that ended settles its incident until the incident changes after the
 * verdict — new alerts, or another top cause — and never for more than three runs.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { triedFixes } from '../../../src/app/runbooks/tried-fixes.js';
import type { Incident } from '../../../src/core/records.js';
import type { ExecutionStatus, RunbookOffer } from '../../../src/core/runbook-api.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import type { Store } from '../../../src/store/store.js';

describe('triedFixes', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  function incident(alerts: number, causeService: string): Incident {
    const saved: Incident = {
      id: 'inc_1',
      title: 'x',
      status: 'triggered',
      severity: 'critical',
      services: [causeService],
      startedMs: 0,
      updatedMs: 0,
      alertIds: Array.from({ length: alerts }, (_, i) => `al_${i}`),
      causes: [{ service: causeService, score: 0.9, indicator: 'p50 latency up', evidence: '' }],
    };
    store.incidents.save(saved);
    return saved;
  }

  function ran(id: string, status: ExecutionStatus, offer: Partial<RunbookOffer> = {}): void {
    store.runbooks.saveExecution({
      execution: { id, runbookId: 'scale', runbookName: 'Scale', runbookVersion: 1, status, dryRun: false, inputs: {}, incidentId: 'inc_1', trigger: { kind: 'incident' }, depth: 0, createdMs: 1, startedMs: 1, endedMs: 2 },
      inputs: {},
    });
    const base: RunbookOffer = { id: 'rbo_1', runbookId: 'scale', incidentId: 'inc_1', by: 'incident', createdMs: 1, decision: 'run automatically', executionId: id, ...offer };
    if (!store.runbooks.saveOffer(base)) store.runbooks.updateOffer(base);
  }

  it('keeps a failure standing while the incident is as it was when the fix ended', () => {
    ran('rbx_1', 'failed', { alertsWhenEnded: 3, causeWhenEnded: 'frontend' });
    const tried = triedFixes(store, incident(3, 'frontend'));
    assert.deepEqual([...tried.standingFailures], ['scale']);
    assert.deepEqual([...tried.reopened], []);
  });

  it('reopens a failed fix when RCA names another top cause, and a verified one when alerts join', () => {
    ran('rbx_1', 'failed', { alertsWhenEnded: 3, causeWhenEnded: 'frontend' });
    const recaused = triedFixes(store, incident(3, 'cart'));
    assert.deepEqual([...recaused.standingFailures], []);
    assert.deepEqual([...recaused.reopened], ['scale']);

    ran('rbx_2', 'succeeded', { alertsWhenEnded: 3, causeWhenEnded: 'cart' });
    assert.equal(triedFixes(store, incident(3, 'cart')).holding?.id, 'rbx_2', 'a verified fix holds the incident as it was');
    const grown = triedFixes(store, incident(4, 'cart'));
    assert.equal(grown.holding, undefined);
    assert.deepEqual([...grown.reopened], ['scale']);
  });

  it('stops at three runs of one fix', () => {
    ran('rbx_1', 'failed');
    ran('rbx_2', 'failed');
    ran('rbx_3', 'failed', { alertsWhenEnded: 3, causeWhenEnded: 'frontend' });
    const tried = triedFixes(store, incident(9, 'cart'));
    assert.deepEqual([...tried.standingFailures], ['scale']);
  });

  it('keeps a fix started by hand settled: no offer recorded the incident at its end', () => {
    store.runbooks.saveExecution({
      execution: { id: 'rbx_9', runbookId: 'scale', runbookName: 'Scale', runbookVersion: 1, status: 'failed', dryRun: false, inputs: {}, incidentId: 'inc_1', trigger: { kind: 'manual', by: 'ana' }, depth: 0, createdMs: 1 },
      inputs: {},
    });
    assert.deepEqual([...triedFixes(store, incident(9, 'cart')).standingFailures], ['scale']);
  });
});
