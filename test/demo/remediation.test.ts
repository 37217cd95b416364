import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fault, FaultKind } from '../../src/core/api.js';
import { FaultKindSchema, RemediationActionSchema } from '../../src/core/api.js';
import { actionsEnding, remediationEffect, RESTART_RELIEF_MS, UnknownRemediationTarget } from '../../src/demo/remediation.js';
import { ShopSimulation } from '../../src/demo/simulation.js';
import type { StepOutput } from '../../src/demo/simulation.js';
import { flattenLogs, flattenSpans } from './otlp-helpers.js';

const START = Date.UTC(2026, 0, 1, 12);
const STEP_MS = 5_000;

function simulation(seed = 3): ShopSimulation {
  return new ShopSimulation({ seed, startMs: START, warmupMs: 0, stepMs: STEP_MS });
}

/** Steps until a fault of this kind has been biting for `bitingMs`; returns it. */
function stepIntoFault(sim: ShopSimulation, kind: FaultKind, bitingMs = 30_000): Fault {
  for (let i = 0; i < 2_000; i++) {
    const fault = sim.faults().find((f) => f.kind === kind);
    if (fault && sim.nowMs() >= fault.start + bitingMs) return fault;
    sim.step();
  }
  throw new Error(`no ${kind} fault within 2000 steps`);
}

function stepFor(sim: ShopSimulation, ms: number): StepOutput[] {
  return Array.from({ length: Math.ceil(ms / STEP_MS) }, () => sim.step());
}

function errorSpans(outputs: readonly StepOutput[], service: string): { errors: number; total: number } {
  const spans = outputs.flatMap((o) => flattenSpans(o.traces)).filter((s) => s.service === service && (s.kind === 2 || s.kind === 5));
  return { errors: spans.filter((s) => s.status.code === 2).length, total: spans.length };
}

test('every fault kind has a remediation that ends it, and no action ends every kind', () => {
  for (const kind of FaultKindSchema.options) assert.ok(actionsEnding(kind).length > 0, kind);
  for (const action of RemediationActionSchema.options) {
    assert.ok(FaultKindSchema.options.some((kind) => !actionsEnding(kind).includes(action)), `${action} must not fix everything`);
  }
});

test('a pod restart reaches only a fault on that pod', () => {
  const leak: Fault = { id: 'f', kind: 'memory_leak', service: 'cart', instance: 'cart-a', start: 0, end: 1 };
  assert.equal(remediationEffect('restart', leak, 'cart-a'), 'ended');
  assert.equal(remediationEffect('restart', leak, 'cart-b'), 'none');
  assert.equal(remediationEffect('restart', leak), 'ended');
  assert.equal(remediationEffect('restart', { ...leak, kind: 'crash', instance: undefined } as Fault, 'cart-a'), 'none');
});

test('the fitting remediation ends each kind early and the ground truth says how; a wrong one changes nothing', () => {
  for (const kind of FaultKindSchema.options) {
    const sim = simulation();
    const fault = stepIntoFault(sim, kind);
    const wrong = RemediationActionSchema.options.find((action) => remediationEffect(action, fault) === 'none');
    assert.ok(wrong);
    const missed = sim.remediate({ action: wrong, service: fault.service });
    assert.equal(missed.effect, 'none', kind);
    assert.equal(sim.faults().find((f) => f.id === fault.id)?.remediatedAt, undefined, `${wrong} must not end ${kind}`);

    const action = actionsEnding(kind)[0];
    assert.ok(action);
    const result = sim.remediate({ action, service: fault.service });
    assert.equal(result.effect, 'ended', kind);
    assert.equal(result.faultId, fault.id);
    const truth = sim.faults().find((f) => f.id === fault.id);
    assert.equal(truth?.remediatedAt, sim.nowMs());
    assert.equal(truth?.remediation, action);
    assert.equal(truth?.end, fault.end, 'the scheduled end stays, for scoring');
  }
});

test('restarting a crashed service brings its spans back, with startup logs', () => {
  const sim = simulation();
  const crash = stepIntoFault(sim, 'crash');
  assert.equal(errorSpans(stepFor(sim, 15_000), crash.service).total, 0, 'a crashed service serves nothing');
  sim.remediate({ action: 'scale', service: crash.service });
  assert.equal(errorSpans(stepFor(sim, 15_000), crash.service).total, 0, 'scaling does not restart it');
  sim.remediate({ action: 'restart', service: crash.service });
  const after = stepFor(sim, 30_000);
  assert.ok(errorSpans(after, crash.service).total > 0, 'it serves again');
  const started = flattenLogs(after[0]?.logs ?? { resourceLogs: [] }).filter((l) => l.service === crash.service && l.body.stringValue.startsWith('Server started'));
  assert.ok(started.length > 0, 'startup logs in the next step');
});

test('rolling back a bad deploy posts a change to the previous release and stops its errors', () => {
  const sim = simulation();
  const fault = stepIntoFault(sim, 'bad_deploy');
  const during = errorSpans(stepFor(sim, 60_000), fault.service);
  assert.ok(during.errors / during.total > 0.1, `errors during the deploy ${during.errors}/${during.total}`);
  sim.remediate({ action: 'rollback', service: fault.service });
  const after = stepFor(sim, 90_000);
  const change = after[0]?.changes[0];
  assert.match(change?.description ?? '', new RegExp(`^Rollback ${fault.service} from \\d+\\.\\d+\\.0 to .+ \\(remediation\\)$`));
  const { errors, total } = errorSpans(after, fault.service);
  assert.ok(errors / total < 0.02, `errors after the rollback ${errors}/${total}`);
  // The schedule's own end of the fault does not roll back a second time.
  const untilEnd = stepFor(sim, fault.end - sim.nowMs() + STEP_MS);
  assert.deepEqual(untilEnd.flatMap((o) => o.changes).filter((c) => c.service === fault.service), []);
});

test('a restart holds an error burst off for a while; clearing the cache ends it', () => {
  const sim = simulation();
  const fault = stepIntoFault(sim, 'error_burst');
  assert.equal(sim.remediate({ action: 'restart', service: fault.service }).effect, 'relieved');
  const relieved = errorSpans(stepFor(sim, RESTART_RELIEF_MS), fault.service);
  assert.ok(relieved.errors / relieved.total < 0.05, `relieved ${relieved.errors}/${relieved.total}`);
  const back = errorSpans(stepFor(sim, 30_000), fault.service);
  assert.ok(back.errors / back.total > 0.2, `back ${back.errors}/${back.total}`);
  assert.equal(sim.remediate({ action: 'clear-cache', service: fault.service }).effect, 'ended');
  const cleared = errorSpans(stepFor(sim, 60_000), fault.service);
  assert.ok(cleared.errors / cleared.total < 0.05, `cleared ${cleared.errors}/${cleared.total}`);
});

test('remediate rejects a service or pod the shop does not have', () => {
  const sim = simulation();
  assert.throws(() => sim.remediate({ action: 'restart', service: 'nope' }), UnknownRemediationTarget);
  assert.throws(() => sim.remediate({ action: 'restart', service: 'cart', pod: 'nope' }), UnknownRemediationTarget);
  assert.throws(() => sim.remediate({ action: 'scale', service: 'frontend' }), UnknownRemediationTarget);
});
