import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missionWellbeingOfTier, ssvcDecision } from '../../../src/act/vulns/ssvc.js';

describe('ssvcDecision()', () => {
  it("matches rows of CISA's decision table", () => {
    const rows: Array<[Parameters<typeof ssvcDecision>[0], string]> = [
      [{ exploitation: 'none', automatable: 'no', technicalImpact: 'partial', missionWellbeing: 'high' }, 'Track'],
      [{ exploitation: 'none', automatable: 'no', technicalImpact: 'total', missionWellbeing: 'high' }, 'Track*'],
      [{ exploitation: 'none', automatable: 'yes', technicalImpact: 'partial', missionWellbeing: 'high' }, 'Attend'],
      [{ exploitation: 'poc', automatable: 'no', technicalImpact: 'total', missionWellbeing: 'medium' }, 'Track*'],
      [{ exploitation: 'poc', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high' }, 'Attend'],
      [{ exploitation: 'active', automatable: 'no', technicalImpact: 'partial', missionWellbeing: 'high' }, 'Attend'],
      [{ exploitation: 'active', automatable: 'no', technicalImpact: 'total', missionWellbeing: 'high' }, 'Act'],
      [{ exploitation: 'active', automatable: 'yes', technicalImpact: 'partial', missionWellbeing: 'low' }, 'Attend'],
      [{ exploitation: 'active', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'medium' }, 'Act'],
      [{ exploitation: 'active', automatable: 'yes', technicalImpact: 'partial', missionWellbeing: 'high' }, 'Act'],
    ];
    for (const [points, decision] of rows) assert.equal(ssvcDecision(points), decision, JSON.stringify(points));
  });

  it('never decides less urgently when exploitation gets worse', () => {
    const order = ['Track', 'Track*', 'Attend', 'Act'];
    for (const automatable of ['no', 'yes'] as const) {
      for (const technicalImpact of ['partial', 'total'] as const) {
        for (const missionWellbeing of ['low', 'medium', 'high'] as const) {
          const ranks = (['none', 'poc', 'active'] as const).map((exploitation) => order.indexOf(ssvcDecision({ exploitation, automatable, technicalImpact, missionWellbeing })));
          assert.deepEqual([...ranks].sort((a, b) => a - b), ranks);
        }
      }
    }
  });

  it('maps tiers to mission & well-being', () => {
    assert.deepEqual([1, 2, 3, 4, undefined].map(missionWellbeingOfTier), ['high', 'medium', 'low', 'low', 'medium']);
  });
});
