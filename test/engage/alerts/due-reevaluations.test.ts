import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert, Signal } from '../../../src/core/records.js';
import { dueReevaluations } from '../../../src/engage/alerts/due-reevaluations.js';
import { foldSignal } from '../../../src/engage/alerts/fold-signals.js';

const HOUR_MS = 3_600_000;

function firingAlert(source: string, lastSeenMs: number): Alert {
  const signal: Signal = { kind: 'anomaly', source, fingerprint: `fp-${source}`, name: 'error ratio up', status: 'firing', severity: 'warning', timeMs: lastSeenMs, summary: 'z 8', labels: {}, service: 'cart' };
  const folded = foldSignal(undefined, signal, () => `alr_${source}`);
  assert.ok(folded);
  return folded.alert;
}

const base = { resolveAfterMs: { detector: HOUR_MS, events: HOUR_MS }, silencedBy: () => [] };

describe('dueReevaluations', () => {
  it('resolves an alert silent for its source timeout, ending at its last signal plus the timeout', () => {
    const [due] = dueReevaluations([firingAlert('events', 0)], { ...base, nowMs: HOUR_MS });
    assert.equal(due?.status, 'resolved');
    assert.equal(due?.timeMs, HOUR_MS);
    assert.deepEqual(dueReevaluations([firingAlert('events', 0)], { ...base, nowMs: HOUR_MS - 1 }), []);
  });

  it("ages telemetry-derived alerts on the telemetry's event time, so a replay of past data keeps them firing", () => {
    const replayedHoursAgo = firingAlert('detector', 0);
    const external = firingAlert('events', 0);
    const eventTime = { sources: new Set(['detector']), nowMs: 10 * 60_000 };
    const due = dueReevaluations([replayedHoursAgo, external], { ...base, nowMs: 15 * HOUR_MS, eventTime });
    assert.deepEqual(due.map((s) => s.source), ['events']);
    const later = dueReevaluations([replayedHoursAgo], { ...base, nowMs: 15 * HOUR_MS, eventTime: { ...eventTime, nowMs: HOUR_MS } });
    assert.deepEqual(later.map((s) => s.status), ['resolved']);
  });
});
