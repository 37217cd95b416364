import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultKindSchema } from '../../src/core/api.js';
import { FAULT_DURATION_MS, FaultSchedule } from '../../src/demo/fault-schedule.js';
import { createRng } from '../../src/demo/prng.js';
import { faultableServices } from '../../src/demo/topology.js';

const FIRST = Date.UTC(2026, 0, 1, 12, 21);

function schedule(seed: number, faultCount?: number): FaultSchedule {
  return new FaultSchedule({
    rng: createRng(seed),
    firstFaultMs: FIRST,
    services: faultableServices(),
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

test('FaultSchedule covers every kind in its first five faults, 3 minutes each, 4–5 minutes apart', () => {
  const faults = schedule(11).startedBy(FIRST + 3 * 3_600_000);
  assert.ok(faults.length >= 10);
  assert.equal(faults[0]?.start, FIRST);
  assert.deepEqual(new Set(faults.slice(0, 5).map((f) => f.kind)), new Set(FaultKindSchema.options));
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
