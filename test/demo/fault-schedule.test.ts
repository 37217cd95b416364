import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultKindSchema } from '../../src/core/api.js';
import { memoryLeakAt } from '../../src/demo/fault-effects.js';
import { FAULT_DURATION_MS, FaultSchedule } from '../../src/demo/fault-schedule.js';
import { createRng } from '../../src/demo/prng.js';
import { answersCallers, faultableServices } from '../../src/demo/topology.js';

const FIRST = Date.UTC(2026, 0, 1, 12, 21);

function schedule(seed: number, faultCount?: number): FaultSchedule {
  return new FaultSchedule({
    rng: createRng(seed),
    firstFaultMs: FIRST,
    targets: faultableServices().map((service) => ({ service, pods: [`${service}-a`, `${service}-b`], answersCallers: answersCallers(service) })),
    ...(faultCount === undefined ? {} : { faultCount }),
  });
}

test('faultableServices() lists every called service and not the frontend', () => {
  const services = faultableServices();
  assert.ok(!services.includes('frontend'));
  for (const name of ['cart', 'checkout', 'catalog', 'recommendation', 'payment', 'inventory', 'shipping']) {
    assert.ok(services.includes(name), name);
  }
});

test('FaultSchedule covers every kind in its first cycle, 3 minutes each, 4–5 minutes apart', () => {
  const faults = schedule(11).startedBy(FIRST + 3 * 3_600_000);
  const kinds = FaultKindSchema.options.length;
  assert.ok(faults.length >= 2 * kinds);
  assert.equal(faults[0]?.start, FIRST);
  assert.deepEqual(new Set(faults.slice(0, kinds).map((f) => f.kind)), new Set(FaultKindSchema.options));
  for (const [i, fault] of faults.entries()) {
    assert.equal(fault.end - fault.start, FAULT_DURATION_MS);
    assert.notEqual(fault.service, 'frontend');
    const previous = faults[i - 1];
    if (!previous) continue;
    const gap = fault.start - previous.end;
    assert.ok(gap >= 240_000 && gap <= 300_000, `gap ${gap}`);
    assert.notEqual(fault.service, previous.service);
  }
});

test('FaultSchedule is reproducible, stops at faultCount and answers activeFor()', () => {
  assert.deepEqual(schedule(4).startedBy(FIRST + 3_600_000), schedule(4).startedBy(FIRST + 3_600_000));
  const limited = schedule(4, 2);
  assert.equal(limited.startedBy(FIRST + 10 * 3_600_000).length, 2);
  const first = limited.startedBy(FIRST)[0];
  assert.ok(first);
  assert.equal(limited.activeFor(first.service, first.start)?.id, first.id);
  assert.equal(limited.activeFor(first.service, first.end), undefined);
  assert.equal(limited.activeFor(first.service, first.start - 1), undefined);
});

test('FaultSchedule puts pod-level faults on one pod and answer-only faults on services with HTTP callers', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const fault of schedule(seed).startedBy(FIRST + 6 * 3_600_000)) {
      const onePod = fault.kind === 'memory_leak' || fault.kind === 'network_delay';
      if (!onePod) assert.equal(fault.instance, undefined, `${fault.kind} hits every pod`);
      else assert.ok(fault.instance === `${fault.service}-a` || fault.instance === `${fault.service}-b`, `${fault.kind} pod ${fault.instance}`);
      if (fault.kind === 'network_delay' || fault.kind === 'wrong_response') assert.notEqual(fault.service, 'shipping');
    }
  }
});

test('FaultSchedule durationMs makes faults last until fixed, up to that long; a remediation still ends one early', () => {
  const long = new FaultSchedule({
    rng: createRng(4),
    firstFaultMs: FIRST,
    targets: faultableServices().map((service) => ({ service, pods: [`${service}-a`], answersCallers: answersCallers(service) })),
    durationMs: 20 * 60_000,
  });
  const faults = long.startedBy(FIRST + 3 * 3_600_000);
  for (const [i, fault] of faults.entries()) {
    assert.equal(fault.end - fault.start, 20 * 60_000);
    const previous = faults[i - 1];
    if (previous) assert.ok(fault.start - previous.end >= 240_000, 'the gap follows the cap, so faults never overlap');
  }
  const first = faults[0];
  assert.ok(first);
  assert.equal(long.activeFor(first.service, first.start + 15 * 60_000)?.id, first.id, 'still on long after the default 3 minutes');
  long.endEarly(first.id, first.start + 2 * 60_000, 'restart');
  assert.equal(long.activeFor(first.service, first.start + 2 * 60_000), undefined);
  const targets = faultableServices().map((service) => ({ service, pods: [`${service}-a`], answersCallers: answersCallers(service) }));
  assert.throws(() => new FaultSchedule({ rng: createRng(1), firstFaultMs: FIRST, targets, durationMs: 0 }), /durationMs must be a positive number/);
});

test('a memory leak leaks at its own pace whatever the fault lasts, then stays at the limit', () => {
  const leak = (minutes: number) => ({ id: 'f', kind: 'memory_leak' as const, service: 'cart', start: FIRST, end: FIRST + minutes * 60_000 });
  const at = (ms: number) => FIRST + ms;
  assert.deepEqual(memoryLeakAt(leak(20), at(60_000)), memoryLeakAt(leak(3), at(60_000)));
  assert.deepEqual(memoryLeakAt(leak(20), at(15 * 60_000)), memoryLeakAt(leak(3), at(FAULT_DURATION_MS)));
  assert.equal(memoryLeakAt(leak(20), at(15 * 60_000)).gcPressure, 1);
});
