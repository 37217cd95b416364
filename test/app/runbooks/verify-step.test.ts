/**
 * The verify step's time limit (src/app/runbooks/verify-step.ts): it runs out on the wall clock
 * or on event time, whichever passes it first — so a demo or replay running faster than real
 * time gets the same span of its own time, and a stop in telemetry never holds a check open.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunClock } from '../../../src/act/runbooks/run-steps.js';
import type { Alert, Incident } from '../../../src/core/records.js';
import type { RunbookStep } from '../../../src/core/runbook.js';
import { verifyStepRunner } from '../../../src/app/runbooks/verify-step.js';
import type { Store } from '../../../src/store/store.js';

type VerifyStep = Extract<RunbookStep, { type: 'verify' }>;
const STEP = { id: 'check', type: 'verify', condition: { alertsResolved: true }, withinSeconds: 600 } as VerifyStep;

/** One incident with one alert that stays firing. */
function firingStore(): Store {
  const incident = { id: 'i1', alertIds: ['a1'] } as Incident;
  const alert = { id: 'a1', name: 'error ratio up', status: 'firing' } as Alert;
  return { incidents: { get: (id: string) => (id === 'i1' ? incident : undefined) }, alerts: { get: (id: string) => (id === 'a1' ? alert : undefined) } } as unknown as Store;
}

/** A clock whose sleeps pass at once; event time moves `speed` times as fast, from `eventStartMs`. */
function fakeClocks(speed: number, eventStartMs: number) {
  let wallMs = 0;
  const clock: RunClock = {
    now: () => wallMs,
    sleep: async (ms) => {
      wallMs += ms;
    },
  };
  return { clock, eventNow: () => eventStartMs + speed * wallMs, wall: () => wallMs };
}

describe('verify step time limit', () => {
  it('runs out on event time when telemetry runs faster than real time', async () => {
    const { clock, eventNow, wall } = fakeClocks(30, Date.UTC(2026, 0, 1));
    const verify = verifyStepRunner({ store: firingStore(), clock, eventNow, pollMs: 5_000 });
    await assert.rejects(verify(STEP, 'i1', new AbortController().signal), /did not hold within 600 s.*still firing: error ratio up/);
    assert.ok(wall() <= 25_000, `gave up after ${wall()} ms of wall time, not 600 s`);
  });

  it('runs out on the wall clock when telemetry stands still or has not started', async () => {
    for (const eventNow of [() => Date.UTC(2026, 0, 1), () => Number.NEGATIVE_INFINITY]) {
      const { clock, wall } = fakeClocks(0, 0);
      const verify = verifyStepRunner({ store: firingStore(), clock, eventNow, pollMs: 5_000 });
      await assert.rejects(verify(STEP, 'i1', new AbortController().signal), /did not hold within 600 s/);
      assert.equal(wall(), 600_000);
    }
  });
});
