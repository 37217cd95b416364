import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EscalationPolicySchema } from '../../../src/core/notify-api.js';
import { advanceEscalation, startEscalation, stopEscalation } from '../../../src/engage/notify/escalation.js';

const policy = EscalationPolicySchema.parse({
  id: 'web',
  name: 'Web',
  repeat: 1,
  levels: [
    { targets: [{ type: 'schedule', id: 'primary' }], escalateAfterMinutes: 5 },
    { targets: [{ type: 'user', id: 'lead' }], escalateAfterMinutes: 10 },
  ],
});
const T0 = Date.parse('2030-01-01T00:00:00Z');
const min = (n: number) => T0 + n * 60_000;

describe('escalation', () => {
  it('startEscalation() pages level 0 at once and waits its timeout', () => {
    const { state, pages } = startEscalation(policy, 'inc_1', T0);
    assert.deepEqual(pages, [{ level: 0, round: 0, targets: [{ type: 'schedule', id: 'primary' }] }]);
    assert.equal(state.nextAtMs, min(5));
  });

  it('advanceEscalation() goes level by level, repeats, then is exhausted', () => {
    let { state } = startEscalation(policy, 'inc_1', T0);
    const seen: string[] = [];
    for (const minute of [4, 5, 14, 15, 20, 29, 30, 60]) {
      const step = advanceEscalation(policy, state, min(minute));
      state = step.state;
      for (const page of step.pages) seen.push(`${minute}:r${page.round}l${page.level}`);
    }
    assert.deepEqual(seen, ['5:r0l1', '15:r1l0', '20:r1l1']);
    assert.equal(state.status, 'exhausted');
  });

  it('advanceEscalation() catches up on every level that fell due while nobody ticked', () => {
    const { state } = startEscalation(policy, 'inc_1', T0);
    const step = advanceEscalation(policy, state, min(16));
    assert.deepEqual(step.pages.map((p) => [p.round, p.level]), [[0, 1], [1, 0]]);
    assert.equal(step.state.nextAtMs, min(20));
  });

  it('stopEscalation() ends it: no more pages', () => {
    const stopped = stopEscalation(startEscalation(policy, 'inc_1', T0).state);
    assert.equal(stopped.status, 'stopped');
    assert.deepEqual(advanceEscalation(policy, stopped, min(100)).pages, []);
  });
});
