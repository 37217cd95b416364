import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicableCandidates, type SeriesTraits } from '../../../../src/observe/metrics/forecast/candidate-models.js';
import { selectModel } from '../../../../src/observe/metrics/forecast/select-model.js';
import { rng } from './synthetic.js';

function choose(values: number[], traits: SeriesTraits, horizon: number) {
  return selectModel(values, applicableCandidates(values, traits), traits, { horizon });
}

describe('selectModel()', () => {
  it('forecasts white noise by its recent level, not by the last value or the value a season ago', () => {
    const random = rng(7);
    const values = Array.from({ length: 600 }, () => 40 + 5 * random.normal());
    const selection = choose(values, { period: 0, naivePeriod: 288, levelWindow: 288 }, 72);
    assert.ok(selection);
    assert.ok(['recent-mean', 'recent-median', 'ses'].includes(selection.name), `chose ${selection.name}`);
    const score = (name: string) => selection.scores.get(name as never) ?? Number.NaN;
    assert.ok(score(selection.name) < score('seasonal-naive'));
  });

  it('follows a trend with the damped-trend model', () => {
    const random = rng(8);
    const values = Array.from({ length: 400 }, (_, t) => 100 + 0.5 * t + random.normal());
    assert.equal(choose(values, { period: 0, naivePeriod: 1, levelWindow: 24 }, 24)?.name, 'holt');
  });

  it('keeps the season of a seasonal series', () => {
    const random = rng(9);
    const values = Array.from({ length: 24 * 14 }, (_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 24) + random.normal());
    const name = choose(values, { period: 24, naivePeriod: 24, levelWindow: 24 }, 12)?.name;
    assert.ok(name === 'holt-winters' || name === 'holt-winters+seasonal-naive' || name === 'seasonal-naive', `chose ${name}`);
  });

  it('offers the intermittent-demand models only for intermittent series', () => {
    const traits = { period: 0, naivePeriod: 1, levelWindow: 10 };
    assert.ok(applicableCandidates([0, 0, 3, 0, 0, 0, 4, 0], traits).includes('croston-sba'));
    assert.ok(!applicableCandidates([1, 2, 3, 2, 1], traits).includes('tsb'));
    assert.ok(!applicableCandidates([1, 2, 3, 2, 1], traits).includes('holt-winters'), 'no season, no Holt-Winters');
  });

  it('only reads the history: scores every candidate at origins inside it, each with room for its season', () => {
    const random = rng(10);
    const values = Array.from({ length: 200 }, (_, t) => 10 + Math.sin(t / 3) + random.normal());
    const selection = choose(values, { period: 60, naivePeriod: 60, levelWindow: 30 }, 500);
    assert.ok(selection);
    assert.equal(selection.validationHorizon, 50, 'at most a quarter of the history');
    for (const origin of selection.origins) {
      assert.ok(origin + selection.validationHorizon <= values.length);
      assert.ok(origin >= 120, `origin ${origin} leaves two seasons to fit on`);
    }
    // The last origin's window ends exactly at the end of the history.
    assert.equal(selection.origins.at(-1), values.length - 50);
  });

  it('does without the seasonal candidates when no origin leaves room for two seasons', () => {
    const random = rng(11);
    const values = Array.from({ length: 100 }, () => random.normal());
    const selection = choose(values, { period: 48, naivePeriod: 48, levelWindow: 48 }, 10);
    assert.ok(selection);
    assert.ok(!selection.scores.has('holt-winters'));
    assert.ok(selection.scores.has('seasonal-naive'), 'one season fits before the origins');
  });

  it('gives up on a history too short to validate', () => {
    assert.equal(choose([1, 2, 3], { period: 0, naivePeriod: 1, levelWindow: 3 }, 5), undefined);
  });
});
