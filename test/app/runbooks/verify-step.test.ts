/**
 * The verify step (src/app/runbooks/verify-step.ts). Its time limit runs out on the wall clock
 * or on event time, whichever passes it first — so a demo or replay running faster than real
 * time gets the same span of its own time, and a stop in telemetry never holds a check open.
 * `alertsResolved` may look only at the alerts about the service the fix acted on, and want
 * them to stay resolved for a while.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunClock } from '../../../src/act/runbooks/run-steps.js';
import type { Alert, Incident, Labels } from '../../../src/core/records.js';
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

type AlertState = { service?: string; labels?: Labels; name: string; status: Alert['status'] };

/** One incident whose alerts change with each check: `script[i]` is what check i + 1 sees (the last repeats). */
function scriptedStore(script: AlertState[][]): { store: Store; checks: () => number } {
  let checks = 0;
  const now = () => script[Math.min(checks - 1, script.length - 1)] as AlertState[];
  const ids = (script[0] as AlertState[]).map((_, index) => `a${index}`);
  const store = {
    incidents: {
      get: (id: string) => {
        if (id !== 'i1') return undefined;
        checks += 1;
        return { id, alertIds: ids } as Incident;
      },
    },
    alerts: {
      get: (id: string) => {
        const state = now()[ids.indexOf(id)];
        return state === undefined ? undefined : ({ id, labels: {}, ...state } as Alert);
      },
    },
  } as unknown as Store;
  return { store, checks: () => checks };
}

const signal = new AbortController().signal;
const verifyAbout = (service: string, forSeconds?: number) =>
  ({ id: 'check', type: 'verify', condition: { alertsResolved: { service, ...(forSeconds !== undefined ? { forSeconds } : {}) } }, withinSeconds: 600 }) as VerifyStep;

describe('verify step: alerts about a service', () => {
  const otherTrouble: AlertState = { name: 'error ratio up', service: 'checkout', status: 'firing' };

  it("passes when the service's own alerts and its callers' alerts on calls to it have resolved, whatever else still fires", async () => {
    const { clock, eventNow } = fakeClocks(1, 0);
    const { store } = scriptedStore([
      [otherTrouble, { name: 'error ratio up', service: 'inventory', status: 'resolved' }, { name: 'p99 latency up', service: 'frontend', labels: { peer: 'inventory' }, status: 'resolved' }],
    ]);
    const result = await verifyStepRunner({ store, clock, eventNow })(verifyAbout('inventory'), 'i1', signal);
    assert.equal(result.verified, true);
    assert.match(String(result.seen), /all 2 alert\(s\) about inventory in i1 resolved/);
  });

  it("fails while a caller's alert on its calls to the service still fires", async () => {
    const { clock, eventNow } = fakeClocks(1, 0);
    const { store } = scriptedStore([[{ name: 'error ratio up', service: 'inventory', status: 'resolved' }, { name: 'p99 latency up', service: 'frontend', labels: { peer: 'inventory' }, status: 'firing' }]]);
    await assert.rejects(verifyStepRunner({ store, clock, eventNow })(verifyAbout('inventory'), 'i1', signal), /1 of 2 alert\(s\) about inventory in i1 still firing: p99 latency up \(frontend\)/);
  });

  it("checks all of the incident's alerts when none is about the service, rather than passing on nothing", async () => {
    const { clock, eventNow } = fakeClocks(1, 0);
    const { store } = scriptedStore([[otherTrouble]]);
    await assert.rejects(verifyStepRunner({ store, clock, eventNow })(verifyAbout('inventory'), 'i1', signal), /none is about inventory.*still firing: error ratio up \(checkout\)/);
  });

  it('wants them resolved for forSeconds: a symptom that fades for one check and returns does not pass', async () => {
    const resolved: AlertState = { name: 'new ERROR log template', service: 'payment', status: 'resolved' };
    const firing: AlertState = { ...resolved, status: 'firing' };
    const { clock, eventNow } = fakeClocks(1, 0);
    const { store, checks } = scriptedStore([[firing], [resolved], [firing], [firing]]);
    await assert.rejects(verifyStepRunner({ store, clock, eventNow, pollMs: 5_000 })(verifyAbout('payment', 60), 'i1', signal), /did not hold within 600 s \(it held, but not for 60 s: 1 relapse\)/);
    assert.ok(checks() > 3);
  });

  it('passes once they have stayed resolved for forSeconds, the hold starting again after a relapse', async () => {
    const resolved: AlertState = { name: 'memory usage up', service: 'cart', status: 'resolved' };
    const firing: AlertState = { ...resolved, status: 'firing' };
    const { clock, eventNow, wall } = fakeClocks(1, 0);
    const { store } = scriptedStore([[firing], [resolved], [firing], [resolved]]);
    const result = await verifyStepRunner({ store, clock, eventNow, pollMs: 5_000 })(verifyAbout('cart', 60), 'i1', signal);
    assert.equal(result.verified, true);
    // Checks at 0, 5 (held), 10 (relapsed), 15 (held again) s: verified 60 s after the last hold began.
    assert.equal(wall(), 75_000);
  });
});
