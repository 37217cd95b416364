import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compileRunbook } from '../../../src/act/runbooks/runbook-triggers.js';
import { recommendationsFor } from '../../../src/app/runbooks/runbook-recommendations.js';
import type { Execution, StepRecordView } from '../../../src/core/runbook-api.js';
import type { Alert, Incident } from '../../../src/core/records.js';
import { RunbookSchema } from '../../../src/core/runbook.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import type { Store } from '../../../src/store/store.js';

const runbook = (id: string, indicator: string) =>
  compileRunbook(
    RunbookSchema.parse({
      id,
      name: `Runbook ${id}`,
      triggers: { incident: `size(incident.causes) > 0 && incident.causes[0].indicator.contains("${indicator}")` },
      approval: { required: false },
      autoRun: { enabled: true, minConfidence: 0.6 },
      steps: [{ id: 'check', type: 'verify', condition: { alertsResolved: true } }],
    }),
  );

function incident(id: string, indicator: string, resolvedMs?: number): Incident {
  return {
    id,
    title: '',
    status: resolvedMs === undefined ? 'triggered' : 'resolved',
    severity: 'critical',
    services: ['checkout'],
    startedMs: 1_000,
    updatedMs: 1_000,
    ...(resolvedMs === undefined ? {} : { resolvedMs }),
    alertIds: [`${id}-a`],
    causes: [{ service: 'checkout', score: 0.8, indicator, evidence: '' }],
  };
}

function alertOf(incidentId: string, name: string): Alert {
  return { id: `${incidentId}-a`, fingerprint: `${incidentId}-f`, name, source: 'detector', severity: 'warning', status: 'firing', labels: {}, service: 'checkout', summary: '', startsMs: 1_000, updatedMs: 1_000, lastSeenMs: 1_000, count: 1, incidentId } as Alert;
}

function record(store: Store, id: string, runbookId: string, incidentId: string, status: Execution['status'], verify: StepRecordView['status']): void {
  const execution: Omit<Execution, 'steps'> = {
    id,
    runbookId,
    runbookName: runbookId,
    runbookVersion: 1,
    status,
    dryRun: false,
    inputs: {},
    incidentId,
    trigger: { kind: 'incident' },
    depth: 0,
    createdMs: 2_000,
    startedMs: 2_000,
    endedMs: 62_000,
  };
  store.runbooks.saveExecution({ execution, inputs: {} });
  store.runbooks.appendStep(id, { stepId: 'check', type: 'verify', phase: 'main', status: verify, attempts: 1, startedMs: 2_000, endedMs: 62_000 });
}

describe('recommendationsFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-recommend-'));
  let store: Store;
  before(() => {
    store = openSqliteStore({ path: join(dir, 'opsloop.db') });
    for (const [id, resolved] of [['past-1', 122_000], ['past-2', 182_000], ['past-3', undefined], ['now', undefined]] as const) {
      store.alerts.save(alertOf(id, 'p99 latency up'));
      store.incidents.save(incident(id, 'p99 latency up', resolved));
    }
    record(store, 'e1', 'scale', 'past-1', 'succeeded', 'succeeded');
    record(store, 'e2', 'scale', 'past-2', 'succeeded', 'succeeded');
    record(store, 'e3', 'restart', 'past-3', 'failed', 'timed_out');
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks the runbooks that fixed similar incidents first, from stored executions, and says whether they may auto-run', () => {
    const ranked = recommendationsFor({ store, runbooks: [runbook('restart', 'latency'), runbook('scale', 'latency'), runbook('clear', 'error')], killSwitch: false }, 'now');
    assert.deepEqual(ranked.map((r) => r.runbookId), ['scale', 'restart'], 'clear does not match; restart failed before');
    assert.equal(ranked[0]?.evidence, 'fixed 2 of 2 similar incidents on checkout (latency), median recovery 3 min; confidence 75%');
    assert.equal(ranked[0]?.autoRun.allowed, true);
    assert.equal(ranked[1]?.autoRun.allowed, false);
  });

  it('lets nothing auto-run under the kill switch, and answers NOT_FOUND for an unknown incident', () => {
    const ranked = recommendationsFor({ store, runbooks: [runbook('scale', 'latency')], killSwitch: true }, 'now');
    assert.equal(ranked[0]?.autoRun.allowed, false);
    assert.throws(() => recommendationsFor({ store, runbooks: [], killSwitch: false }, 'nope'), /not found/);
  });
});
