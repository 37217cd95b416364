import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featureBars, mergeTargets, scoreVerdict, wasScored, type Correlation } from '../../web/src/grouping.js';
import type { Incident, IncidentStatus } from '../../web/src/types.js';

function correlation(overrides: Partial<Correlation>): Correlation {
  return {
    incidentId: 'inc_a',
    outcome: 'joined',
    score: 0.93,
    threshold: 0.5,
    reason: 'joined: same service checkout, at once, score 0.93 ≥ 0.5',
    features: { time: 1, topology: 0.5, labels: 0.1, text: 0.82 },
    candidates: [{ incidentId: 'inc_a', score: 0.93, features: { time: 1, topology: 0.5, labels: 0.1, text: 0.82 } }],
    ...overrides,
  };
}

function incident(id: string, status: IncidentStatus, startedMs: number): Incident {
  return { id, title: id, status, severity: 'critical', services: [], startedMs, updatedMs: startedMs, alertIds: [], causes: [] };
}

describe('scoreVerdict()', () => {
  it('compares the score with the threshold the way the decision went', () => {
    assert.equal(scoreVerdict(correlation({})), '0.93 ≥ 0.50');
    assert.equal(scoreVerdict(correlation({ outcome: 'opened', score: 0.31 })), '0.31 < 0.50');
    // A rule forced the join below the threshold: the numbers still say it scored low.
    assert.equal(scoreVerdict(correlation({ score: 0.31, rule: 'same team' })), '0.31 < 0.50');
  });

});

describe('wasScored()', () => {
  it('is false only for an alert that opened an incident with no candidate to score against', () => {
    assert.equal(wasScored(correlation({ outcome: 'opened', score: 0, candidates: [] })), false);
    assert.equal(wasScored(correlation({ outcome: 'opened', score: 0.31 })), true);
    assert.equal(wasScored(correlation({ outcome: 'split', candidates: [] })), true);
  });
});

describe('featureBars()', () => {
  it('lists the four features in a fixed order, widths clamped to the bar', () => {
    const bars = featureBars(correlation({ features: { time: 1.2, topology: 0.5, labels: -0.1, text: 0.82 } }));
    assert.deepEqual(
      bars.map((bar) => [bar.name, bar.widthPct]),
      [['time', 100], ['topology', 50], ['labels', 0], ['text', 82]],
    );
    assert.equal(bars[0]?.value, 1.2);
  });
});

describe('mergeTargets()', () => {
  it('offers the other open incidents, newest first', () => {
    const targets = mergeTargets(
      [incident('self', 'triggered', 5), incident('old', 'acknowledged', 1), incident('done', 'resolved', 9), incident('new', 'triggered', 7), incident('shut', 'closed', 8)],
      'self',
    );
    assert.deepEqual(targets.map((target) => target.id), ['new', 'old']);
  });
});
