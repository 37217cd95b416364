/**
 * The runbooks shipped for the demo (runbooks/demo): they pass `opsloop runbooks validate`, and
 * their triggers offer, for the incidents the demo's faults really open (indicators as RCA
 * names them, seen in demo runs), a runbook whose remediation ends that kind of fault.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRunbook } from '../../src/act/runbooks/load-runbook.js';
import { compileRunbook, matchingRunbooks } from '../../src/act/runbooks/runbook-triggers.js';
import type { FaultKind, RemediationAction } from '../../src/core/api.js';
import type { Alert, Change, Incident } from '../../src/core/records.js';
import type { Runbook } from '../../src/core/runbook.js';
import { actionsEnding } from '../../src/demo/remediation.js';
import { runCli } from '../support/run-cli.js';

const DIR = fileURLToPath(new URL('../../runbooks/demo/', import.meta.url));

function shipped(): Runbook[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const loaded = loadRunbook(readFileSync(join(DIR, name), 'utf8'), name);
      assert.ok(loaded.ok, name);
      return loaded.runbook;
    });
}

function incident(indicator: string, service = 'cart'): Incident {
  return {
    id: 'i1',
    title: `${service}: ${indicator}`,
    status: 'triggered',
    severity: 'critical',
    services: [service],
    startedMs: 0,
    updatedMs: 0,
    alertIds: ['a1'],
    causes: [{ service, score: 0.8, indicator, evidence: '' }],
  };
}

function alert(name: string, service: string): Alert {
  return { id: 'a1', fingerprint: 'f', name, source: 'detector', severity: 'warning', status: 'firing', labels: {}, service, summary: '', startsMs: 0, updatedMs: 0, lastSeenMs: 0, count: 1 } as Alert;
}

function deploy(service: string): Change {
  return { id: 'c1', service, kind: 'deploy', timeMs: 0, description: `Deploy ${service} 1.3.0`, source: 'opsloop-demo' };
}

/** What the demo's faults opened in runs of its suite: the top cause's indicator, a telling alert, a deploy before. */
const SEEN: Array<{ kind: FaultKind; indicator: string; alert?: string; deployed?: true }> = [
  { kind: 'crash', indicator: 'calls to it fail' },
  { kind: 'crash', indicator: 'stopped reporting' },
  { kind: 'memory_leak', indicator: 'p50 latency up', alert: 'memory usage up' },
  { kind: 'memory_leak', indicator: 'memory usage up' },
  { kind: 'network_delay', indicator: 'calls to it are slow' },
  { kind: 'bad_deploy', indicator: 'new ERROR log template', deployed: true },
  { kind: 'bad_deploy', indicator: 'new error logs', deployed: true },
  { kind: 'error_burst', indicator: 'new error logs' },
  { kind: 'wrong_response', indicator: 'answers changed' },
  { kind: 'latency', indicator: 'p99 latency up' },
  { kind: 'latency', indicator: 'slow spans' },
  { kind: 'cpu_saturation', indicator: 'slow spans' },
  { kind: 'cpu_saturation', indicator: 'CPU utilisation up' },
  { kind: 'error_burst', indicator: 'error ratio up' },
];

/** The demo action a shipped runbook calls: the last path segment of its http step. */
function actionOf(runbook: Runbook): RemediationAction {
  const step = runbook.steps.find((s) => s.type === 'http');
  assert.ok(step?.type === 'http');
  return step.url.split('/').at(-1) as RemediationAction;
}

describe('runbooks/demo', () => {
  it('pass opsloop runbooks validate', async () => {
    const result = await runCli(['runbooks', 'validate', DIR]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^4 runbooks valid\n$/);
  });

  it('cover restart, rollback, scale and clear-cache, each run automatically and verified', () => {
    const runbooks = shipped();
    assert.deepEqual(new Set(runbooks.map(actionOf)), new Set(['restart', 'rollback', 'scale', 'clear-cache']));
    for (const runbook of runbooks) {
      assert.ok(runbook.autoRun.enabled && !runbook.approval.required, runbook.id);
      assert.ok(runbook.steps.some((s) => s.type === 'verify'), `${runbook.id} verifies`);
      assert.ok(runbook.rollback.length > 0, `${runbook.id} says so when it fails`);
    }
  });

  it('offer, for each kind of demo incident, a runbook that ends the fault', () => {
    const compiled = shipped().map(compileRunbook);
    for (const seen of SEEN) {
      const context = { incident: incident(seen.indicator), alerts: seen.alert ? [alert(seen.alert, 'cart')] : [], changes: seen.deployed ? [deploy('cart')] : [] };
      const offered = matchingRunbooks(compiled, context).map((m) => actionOf(m.runbook));
      assert.ok(offered.some((action) => actionsEnding(seen.kind).includes(action)), `${seen.kind} (${seen.indicator}): offered ${offered.join(', ') || 'nothing'}`);
    }
  });

  it('tell a bad release from a bad cache by a deploy of the root-cause service just before', () => {
    const compiled = shipped().map(compileRunbook);
    const offered = (changes: Change[]) => matchingRunbooks(compiled, { incident: incident('new error logs'), alerts: [], changes }).map((m) => actionOf(m.runbook));
    assert.deepEqual(offered([deploy('cart')]), ['rollback']);
    assert.deepEqual(offered([]), ['clear-cache']);
    assert.deepEqual(offered([deploy('payment')]), ['clear-cache'], 'a deploy of another service says nothing about this one');
    assert.deepEqual(matchingRunbooks(compiled, { incident: incident('answers changed'), alerts: [], changes: [] }).map((m) => actionOf(m.runbook)), ['rollback']);
  });

  it('offer nothing for an incident RCA has no cause for', () => {
    const compiled = shipped().map(compileRunbook);
    assert.deepEqual(matchingRunbooks(compiled, { incident: { ...incident('x'), causes: [] }, alerts: [], changes: [] }), []);
  });
});
