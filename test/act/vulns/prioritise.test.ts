import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustedWeight, feedbackFactor, WEIGHT_MAX, WEIGHT_MIN } from '../../../src/act/vulns/learned-weights.js';
import { prioritise, type PriorityContext } from '../../../src/act/vulns/prioritise.js';
import type { Finding } from '../../../src/core/findings-api.js';
import { sampleFinding } from './fixtures.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const DAY = 86_400_000;

const HTTP2: Finding = sampleFinding(
  {
    id: 'f1',
    vulnerabilityId: 'CVE-2023-44487',
    aliases: ['CVE-2023-44487', 'GHSA-qppj-fm5r-hxr3'],
    package: { name: 'golang.org/x/net', ecosystem: 'golang', installedVersions: ['v0.15.0'] },
    fixedVersions: ['0.17.0'],
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 }],
  },
  T0,
);

function context(overrides: Partial<PriorityContext> = {}): PriorityContext {
  return {
    runtime: { state: 'serving', detail: 'cart serves requests' },
    weight: () => ({ weight: 1, feedback: 0 }),
    epssPocThreshold: 0.1,
    deadlineDays: { Act: 7, Attend: 30, 'Track*': 90, Track: 180 },
    nowMs: T0,
    ...overrides,
  };
}

describe('prioritise()', () => {
  it('adds every factor with its reason: KEV, a tier-1 internet-facing service serving traffic, a fix', () => {
    const priority = prioritise(HTTP2, context({ kev: { cve: 'CVE-2023-44487', dateAdded: '2023-10-10' }, tier: 1, internetFacing: true }));
    assert.deepEqual(
      priority.breakdown.map((f) => [f.factor, f.points]),
      [['severity', 30], ['exploitation', 25], ['exposure', 20], ['runtime', 10], ['fix', 5]],
    );
    assert.equal(priority.score, 90);
    assert.match(priority.breakdown[1]?.explanation ?? '', /KEV/);
    // Active exploitation, automatable (network, no privileges or interaction), partial impact (availability only), tier 1 → high.
    assert.deepEqual([priority.ssvc.exploitation, priority.ssvc.automatable, priority.ssvc.technicalImpact, priority.ssvc.missionWellbeing, priority.ssvc.decision], ['active', 'yes', 'partial', 'high', 'Act']);
    assert.equal(priority.dueMs, T0 + 7 * DAY);
  });

  it('counts a high EPSS score as a proof of concept and scores by its percentile', () => {
    const priority = prioritise(HTTP2, context({ epss: { cve: 'CVE-2023-44487', probability: 0.3, percentile: 0.97 }, tier: 3 }));
    assert.equal(priority.ssvc.exploitation, 'poc');
    assert.equal(priority.breakdown.find((f) => f.factor === 'exploitation')?.points, 19.4);
    assert.equal(priority.ssvc.decision, 'Track');
    assert.equal(priority.dueMs, T0 + 180 * DAY);
  });

  it('applies learned weights and shows them', () => {
    const priority = prioritise(HTTP2, context({ kev: { cve: 'CVE-2023-44487' }, weight: (factor) => (factor === 'exploitation' ? { weight: 0.5, feedback: 7 } : { weight: 1, feedback: 0 }) }));
    const exploitation = priority.breakdown.find((f) => f.factor === 'exploitation');
    assert.deepEqual([exploitation?.points, exploitation?.weight, exploitation?.weighted], [25, 0.5, 12.5]);
    assert.match(exploitation?.explanation ?? '', /weight 0.5 learned from 7 feedback/);
  });
});

describe('learned weights', () => {
  it('moves one bounded step per feedback', () => {
    assert.equal(adjustedWeight(1, 'not_exploitable_here'), 0.9);
    assert.equal(adjustedWeight(1, 'priority_too_low'), 1.1);
    let weight = 1;
    for (let i = 0; i < 50; i++) weight = adjustedWeight(weight, 'priority_too_high');
    assert.equal(weight, WEIGHT_MIN);
    for (let i = 0; i < 50; i++) weight = adjustedWeight(weight, 'priority_too_low');
    assert.equal(weight, WEIGHT_MAX);
  });

  it('aims "not exploitable here" at exploitation and other verdicts at the factor that added most', () => {
    const breakdown = prioritise(HTTP2, context({ tier: 1, internetFacing: true })).breakdown;
    assert.equal(feedbackFactor('not_exploitable_here', breakdown), 'exploitation');
    assert.equal(feedbackFactor('priority_too_high', breakdown), 'severity');
    assert.equal(feedbackFactor('priority_too_high', breakdown, 'runtime'), 'runtime');
  });
});
