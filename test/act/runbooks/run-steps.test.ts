import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { loadRunbook } from '../../../src/act/runbooks/load-runbook.js';
import { runSteps, type RunClock, type StepHandler, type StepHandlers } from '../../../src/act/runbooks/run-steps.js';
import type { Runbook, RunbookStep } from '../../../src/core/runbook.js';

/** Real time in milliseconds: the runbooks below wait and time out in hundredths of a second. */
const clock: RunClock = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, undefined, { signal }) };

function runbook(yaml: string): Runbook {
  const loaded = loadRunbook(yaml, 'test.yaml');
  assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems));
  return loaded.runbook;
}

function handlers(overrides: Partial<Record<RunbookStep['type'], StepHandler>>, calls: RunbookStep[] = []): StepHandlers {
  const record: StepHandler = async (step) => {
    calls.push(step);
    return { ok: true };
  };
  return { http: record, exec: record, wait: record, verify: record, notify: record, incident: record, runbook: record, ...overrides };
}

const BASE = `
id: fix
name: Fix
inputs:
  service: { type: string, default: checkout }
steps:
  - id: restart
    type: http
    url: 'http://shop/{{ inputs.service }}/restart'
    retries: { max: 2, backoffSeconds: 0.01 }
    timeoutSeconds: 0.2
  - id: check
    type: verify
    if: 'inputs.service == "checkout"'
    condition: { alertsResolved: true }
    withinSeconds: 1
  - id: note
    type: incident
    note: 'restart said {{ steps.restart.status }}'
rollback:
  - id: page
    type: notify
    text: 'rollback: {{ steps.restart.error }}'
`;

describe('runSteps', () => {
  it('runs steps in order with rendered templates and earlier outputs', async () => {
    const calls: RunbookStep[] = [];
    const result = await runSteps({
      runbook: runbook(BASE),
      context: { inputs: { service: 'checkout' } },
      clock,
      handlers: handlers({ http: async (step) => (calls.push(step), { status: 202 }) }, calls),
    });
    assert.equal(result.status, 'succeeded');
    assert.deepEqual(result.steps.map((s) => [s.stepId, s.status]), [['restart', 'succeeded'], ['check', 'succeeded'], ['note', 'succeeded']]);
    assert.equal(calls[0]?.type === 'http' && calls[0].url, 'http://shop/checkout/restart');
    assert.equal(calls[2]?.type === 'incident' && calls[2].note, 'restart said 202');
  });

  it('skips a step whose condition is false', async () => {
    const result = await runSteps({ runbook: runbook(BASE), context: { inputs: { service: 'cart' } }, clock, handlers: handlers({ http: async () => ({ status: 200 }) }) });
    assert.equal(result.steps.find((s) => s.stepId === 'check')?.status, 'skipped');
    assert.equal(result.status, 'succeeded');
  });

  it('retries with backoff until the step succeeds', async () => {
    let attempts = 0;
    const flaky: StepHandler = async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('connection refused');
      return { status: 200 };
    };
    const result = await runSteps({ runbook: runbook(BASE), context: { inputs: { service: 'checkout' } }, clock, handlers: handlers({ http: flaky }) });
    assert.equal(result.status, 'succeeded');
    assert.equal(result.steps[0]?.attempts, 3);
  });

  it('runs the rollback when a step keeps failing, telling it the error', async () => {
    const notes: string[] = [];
    const result = await runSteps({
      runbook: runbook(BASE),
      context: { inputs: { service: 'checkout' } },
      clock,
      handlers: handlers({
        http: async () => {
          throw new Error('HTTP 500');
        },
        notify: async (step) => (notes.push(step.type === 'notify' ? step.text : ''), {}),
      }),
    });
    assert.equal(result.status, 'failed');
    assert.equal(result.failedStep, 'restart');
    assert.deepEqual(result.steps.map((s) => [s.phase, s.stepId, s.status]), [['main', 'restart', 'failed'], ['rollback', 'page', 'succeeded']]);
    assert.equal(result.steps[0]?.attempts, 3);
    assert.deepEqual(notes, ['rollback: HTTP 500']);
  });

  it('times out a step that hangs, and never leaves it running', async () => {
    const hang: StepHandler = (_step, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const result = await runSteps({ runbook: runbook(BASE.replace('retries: { max: 2, backoffSeconds: 0.01 }', 'retries: { max: 0 }')), context: { inputs: { service: 'checkout' } }, clock, handlers: handlers({ http: hang }) });
    assert.equal(result.steps[0]?.status, 'timed_out');
    assert.match(result.steps[0]?.error ?? '', /timed out after 0.2 s/);
    assert.equal(result.status, 'failed');
  });

  it('stops at once when cancelled, without rolling back', async () => {
    const controller = new AbortController();
    const hang: StepHandler = (_step, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    setTimeout(() => controller.abort(), 20);
    const result = await runSteps({ runbook: runbook(BASE), context: { inputs: { service: 'checkout' } }, clock, handlers: handlers({ http: hang }), signal: controller.signal });
    assert.equal(result.status, 'cancelled');
    assert.deepEqual(result.steps.map((s) => [s.stepId, s.status]), [['restart', 'cancelled']]);
  });

  it('fails a step whose template names what is not there at run time', async () => {
    const result = await runSteps({ runbook: runbook(BASE), context: { inputs: {} }, clock, handlers: handlers({}) });
    assert.equal(result.steps[0]?.status, 'failed');
    assert.match(result.steps[0]?.error ?? '', /inputs\.service|undefined variable/);
  });
});
