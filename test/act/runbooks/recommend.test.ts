import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncidentSignature, RunbookOutcome } from '../../../src/act/runbooks/recommend.js';
import { autoRunAllowed, indicatorKind, outcomeOf, recommendRunbooks, signatureOf, similarity } from '../../../src/act/runbooks/recommend.js';
import type { Execution, StepRecordView } from '../../../src/core/runbook-api.js';
import type { Alert, Incident } from '../../../src/core/records.js';
import { RunbookSchema, type Runbook } from '../../../src/core/runbook.js';

function incident(service: string, indicator: string, extra: Partial<Incident> = {}): Incident {
  return { id: 'i', title: '', status: 'triggered', severity: 'critical', services: [service], startedMs: 0, updatedMs: 0, alertIds: [], causes: [{ service, score: 0.8, indicator, evidence: '' }], ...extra };
}

function alert(name: string, labels: Record<string, string> = {}): Alert {
  return { id: 'a', fingerprint: 'f', name, source: 'detector', severity: 'warning', status: 'firing', labels, summary: '', startsMs: 0, updatedMs: 0, lastSeenMs: 0, count: 1 } as Alert;
}

function runbook(id: string, extra: Record<string, unknown> = {}): Runbook {
  return RunbookSchema.parse({ id, name: `Runbook ${id}`, steps: [{ id: 'w', type: 'wait', seconds: 1 }], ...extra });
}

const latencyOnCheckout = signatureOf(incident('checkout', 'p99 latency up'), [alert('p99 latency up', { metric: 'opsloop.service.latency_p99' })]);
const errorsOnCart = signatureOf(incident('cart', 'error ratio up'), [alert('error ratio up', { metric: 'opsloop.service.error_ratio' })]);

let seq = 0;
function outcome(runbookId: string, signature: IncidentSignature, result: RunbookOutcome['result'], recoveryMs = 120_000): RunbookOutcome {
  seq += 1;
  return { runbookId, executionId: `e${seq}`, incidentId: `i${seq}`, signature, result, ...(result === 'verified' ? { recoveryMs } : {}), atMs: seq };
}

describe('signatureOf and similarity', () => {
  it('classifies RCA indicators into kinds', () => {
    assert.equal(indicatorKind('p99 latency up'), 'latency');
    assert.equal(indicatorKind('calls to it are slow'), 'latency');
    assert.equal(indicatorKind('calls to it fail'), 'availability');
    assert.equal(indicatorKind('memory usage up'), 'saturation');
    assert.equal(indicatorKind('new ERROR log template'), 'errors');
    assert.equal(indicatorKind('answers changed'), 'answers');
    assert.equal(indicatorKind('deploy just before'), 'change');
  });

  it('is 1 for the same incident, higher for the same kind elsewhere than for another kind', () => {
    assert.equal(similarity(latencyOnCheckout, latencyOnCheckout), 1);
    const latencyOnCart = signatureOf(incident('cart', 'p95 latency up'), [alert('p95 latency up')]);
    assert.ok(similarity(latencyOnCheckout, latencyOnCart) > similarity(latencyOnCheckout, errorsOnCart));
    assert.equal(similarity(latencyOnCheckout, errorsOnCart), 0);
    assert.equal(similarity(signatureOf({ ...incident('x', 'y'), causes: [] }, []), latencyOnCheckout), 0);
  });
});

describe('recommendRunbooks', () => {
  const scale = runbook('scale');
  const restart = runbook('restart');

  it('ranks by success on similar incidents, with evidence in plain words', () => {
    const outcomes = [
      ...[1, 2, 3, 4].map(() => outcome('scale', latencyOnCheckout, 'verified')),
      outcome('scale', latencyOnCheckout, 'failed'),
      outcome('restart', latencyOnCheckout, 'rolled_back'),
      outcome('restart', errorsOnCart, 'verified'),
    ];
    const [first, second] = recommendRunbooks(latencyOnCheckout, [{ runbook: restart, by: 'incident' }, { runbook: scale, by: 'incident' }], outcomes);
    assert.equal(first?.runbookId, 'scale');
    assert.equal(first?.evidence, 'fixed 4 of 5 similar incidents on checkout (latency), median recovery 2 min; confidence 71%');
    assert.ok(Math.abs((first?.confidence ?? 0) - 5 / 7) < 1e-9);
    assert.equal(second?.runbookId, 'restart');
    assert.deepEqual([second?.similar, second?.rolledBack, second?.successes], [1, 1, 0], 'the success on unlike errors does not count');
  });

  it('does not take one success for certainty, and starts from the prior with no history', () => {
    const [one] = recommendRunbooks(latencyOnCheckout, [{ runbook: scale, by: 'incident' }], [outcome('scale', latencyOnCheckout, 'verified')]);
    assert.ok(Math.abs((one?.confidence ?? 0) - 2 / 3) < 1e-9);
    const [none] = recommendRunbooks(latencyOnCheckout, [{ runbook: scale, by: 'incident' }], []);
    assert.equal(none?.confidence, 0.5);
    assert.match(none?.evidence ?? '', /no similar incidents yet/);
  });

  it('does not count an incident that only shares the kind: a failure there leaves the prior', () => {
    const leakLatencyOnPayment = signatureOf(incident('payment', 'p99 latency up'), [alert('p99 latency up', { metric: 'opsloop.service.latency_p99' })]);
    const latencyOnCart = signatureOf(incident('cart', 'p50 latency up'), [
      alert('p50 latency up', { metric: 'opsloop.service.latency_p50' }),
      alert('p99 latency up', { metric: 'opsloop.service.latency_p99' }),
    ]);
    const loose = similarity(leakLatencyOnPayment, latencyOnCart);
    assert.ok(loose > 0.2 && loose < 0.5, `loosely similar: ${loose}`);
    const [scaleOut] = recommendRunbooks(latencyOnCart, [{ runbook: scale, by: 'incident' }], [outcome('scale', leakLatencyOnPayment, 'failed')]);
    assert.equal(scaleOut?.confidence, 0.5);
    assert.equal(scaleOut?.evidence, 'no similar incidents yet; confidence 50% from the prior');
    assert.equal(autoRunAllowed(runbook('scale', { autoRun: { enabled: true, minConfidence: 0.5 }, approval: { required: false } }), scaleOut!, { killSwitch: false }).allowed, true);
  });

  it('recommends only runbooks whose trigger matched', () => {
    const outcomes = [outcome('restart', latencyOnCheckout, 'verified')];
    assert.deepEqual(recommendRunbooks(latencyOnCheckout, [{ runbook: scale, by: 'alert' }], outcomes).map((r) => r.runbookId), ['scale']);
  });

  it('learns away from a runbook that failed on the same signature', () => {
    const outcomes = [outcome('restart', latencyOnCheckout, 'failed')];
    const ranked = recommendRunbooks(latencyOnCheckout, [{ runbook: restart, by: 'incident' }, { runbook: scale, by: 'incident' }], outcomes);
    assert.deepEqual(ranked.map((r) => r.runbookId), ['scale', 'restart']);
    assert.ok((ranked[1]?.confidence ?? 1) < 0.5);
  });
});

describe('outcomeOf', () => {
  const step = (type: StepRecordView['type'], phase: StepRecordView['phase'], status: StepRecordView['status']): StepRecordView => ({ stepId: type, type, phase, status, attempts: 1, startedMs: 0, endedMs: 0 });
  const execution = (status: Execution['status'], steps: StepRecordView[], extra: Partial<Execution> = {}): Execution => ({
    id: 'e',
    runbookId: 'scale',
    runbookName: 'Scale',
    runbookVersion: 1,
    status,
    dryRun: false,
    inputs: {},
    incidentId: 'i',
    trigger: { kind: 'incident' },
    depth: 0,
    createdMs: 1_000,
    startedMs: 1_000,
    endedMs: 61_000,
    steps,
    ...extra,
  });

  it('tells verified, failed and rolled back apart, with the time to recovery', () => {
    const resolved = incident('checkout', 'p99 latency up', { resolvedMs: 121_000 });
    assert.deepEqual(
      (({ result, recoveryMs }) => ({ result, recoveryMs }))(outcomeOf(execution('succeeded', [step('http', 'main', 'succeeded'), step('verify', 'main', 'succeeded')]), resolved, latencyOnCheckout) as RunbookOutcome),
      { result: 'verified', recoveryMs: 120_000 },
    );
    assert.equal(outcomeOf(execution('succeeded', [step('http', 'main', 'succeeded')]), undefined, latencyOnCheckout)?.result, 'succeeded');
    assert.equal(outcomeOf(execution('failed', [step('verify', 'main', 'timed_out')]), undefined, latencyOnCheckout)?.result, 'failed');
    assert.equal(outcomeOf(execution('failed', [step('verify', 'main', 'failed'), step('incident', 'rollback', 'succeeded')]), undefined, latencyOnCheckout)?.result, 'rolled_back');
  });

  it('ignores dry runs, cancelled and unfinished executions', () => {
    assert.equal(outcomeOf(execution('succeeded', [], { dryRun: true }), undefined, latencyOnCheckout), undefined);
    assert.equal(outcomeOf(execution('cancelled', []), undefined, latencyOnCheckout), undefined);
    assert.equal(outcomeOf(execution('running', []), undefined, latencyOnCheckout), undefined);
  });
});

describe('autoRunAllowed', () => {
  const recommendation = (confidence: number) => ({ runbookId: 'r', runbookName: 'R', by: 'incident' as const, confidence, similar: 0, successes: 0, failures: 0, rolledBack: 0, evidence: '' });
  const auto = runbook('r', { autoRun: { enabled: true, minConfidence: 0.6 }, approval: { required: false } });

  it('allows only when auto-run is on, confidence suffices, no approval is needed and the kill switch is off', () => {
    assert.equal(autoRunAllowed(auto, recommendation(0.7), { killSwitch: false }).allowed, true);
    assert.match(autoRunAllowed(auto, recommendation(0.5), { killSwitch: false }).reason, /50% is below the runbook's minimum 60%/);
    assert.match(autoRunAllowed(auto, recommendation(0.9), { killSwitch: true }).reason, /kill switch/);
    assert.equal(autoRunAllowed(runbook('r'), recommendation(0.9), { killSwitch: false }).allowed, false);
    const gated = runbook('r', { autoRun: { enabled: true, minConfidence: 0.6 } });
    assert.match(autoRunAllowed(gated, recommendation(0.9), { killSwitch: false }).reason, /approval/);
    assert.equal(autoRunAllowed(gated, recommendation(0.9), { killSwitch: false, preApproved: true }).allowed, true);
  });
});
