/**
 * NAB v1.1 scoring on hand-made corpora whose scores follow from the definitions
 * (Lavin & Ahmad 2015). Handy identity: NAB's scaled sigmoid 2σ(−5x) − 1 equals tanh(−2.5x),
 * so a window's left edge is worth tanh(2.5) before NAB divides by it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseScore } from '../../bench/nab/normalise.js';
import { NO_DETECTION_THRESHOLD, optimiseThreshold, scoreAtThreshold } from '../../bench/nab/optimise-threshold.js';
import { parseNabTimestamp } from '../../bench/nab/parse-timestamp.js';
import { probationLength } from '../../bench/nab/probation.js';
import { formatResults } from '../../bench/nab/results-file.js';
import { MAX_TP, scaledSigmoid } from '../../bench/nab/scaled-sigmoid.js';
import { scoreCorpus } from '../../bench/nab/scored-corpus.js';
import { scoreDetector } from '../../bench/nab/score-detector.js';
import type { CostProfile, NabCorpus, NabFile, WindowRange } from '../../bench/nab/types.js';
import { windowRanges } from '../../bench/nab/window-ranges.js';

const STANDARD: CostProfile = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };
const LOW_FN: CostProfile = { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 };
const FIVE_MINUTES_US = 300_000_000;

/** A file of `rows` rows, 5 minutes apart from 2014-04-01; probation is the first floor(0.15·rows). */
function nabFile(rows: number, windows: WindowRange[], name = 'cat/file.csv'): NabFile {
  const start = parseNabTimestamp('2014-04-01 00:00:00');
  const timestampsUs = Array.from({ length: rows }, (_, i) => start + i * FIVE_MINUTES_US);
  return {
    relativePath: name,
    category: name.split('/')[0] ?? '',
    fileName: name.split('/')[1] ?? '',
    rawTimestamps: timestampsUs.map((t) => new Date(t / 1000).toISOString().slice(0, 19).replace('T', ' ')),
    rawValues: timestampsUs.map(() => '0'),
    timestampsUs,
    values: timestampsUs.map(() => 0),
    windows,
  };
}

/** Scores 1 on `hits`, 0 elsewhere. */
function detections(rows: number, hits: number[]): number[] {
  const scores = new Array<number>(rows).fill(0);
  for (const hit of hits) scores[hit] = 1;
  return scores;
}

/** The score of one file when exactly `hits` are detections. */
function scoreOf(file: NabFile, hits: number[], profile = STANDARD): number {
  return scoreAtThreshold(scoreCorpus([file], [detections(file.values.length, hits)]), profile, 1);
}

// 20 rows: probation is rows 0–2; one window over rows 10–14 (width 5).
const WINDOW: WindowRange = { left: 10, right: 14 };
const file20 = nabFile(20, [WINDOW]);

describe('scaledSigmoid()', () => {
  it('is 2σ(5)−1 at a window start, 0 at its right edge, −1 from 3 on', () => {
    assert.ok(Math.abs(scaledSigmoid(-1) - 0.9866142981514305) < 1e-15);
    assert.ok(Math.abs(scaledSigmoid(-1) - Math.tanh(2.5)) < 1e-15);
    assert.equal(scaledSigmoid(0), 0);
    assert.equal(scaledSigmoid(3), -1);
    assert.equal(scaledSigmoid(1e9), -1);
  });
});

describe('probationLength()', () => {
  it('is floor(15 % of the rows), capped at 750 rows', () => {
    assert.equal(probationLength(20), 3);
    assert.equal(probationLength(4032), 604);
    assert.equal(probationLength(5000), 750);
    assert.equal(probationLength(15_902), 750);
  });
});

describe('window scoring', () => {
  it('rewards a detection at the window start with exactly tpWeight', () => {
    assert.ok(Math.abs(scoreOf(file20, [10]) - 1) < 1e-15);
  });

  it('rewards a detection at the window end with the sigmoid at −1/width', () => {
    const expected = Math.tanh(0.5) / Math.tanh(2.5); // position −1/5 → tanh(2.5/5)
    assert.ok(Math.abs(scoreOf(file20, [14]) - expected) < 1e-12);
    assert.ok(expected < 0.47 && expected > 0.46);
  });

  it('counts only the earliest detection in a window', () => {
    assert.ok(Math.abs(scoreOf(file20, [10, 12, 14]) - 1) < 1e-15);
    assert.ok(Math.abs(scoreOf(file20, [12, 14]) - Math.tanh(1.5) / Math.tanh(2.5)) < 1e-12);
  });

  it('costs fnWeight for a missed window', () => {
    assert.equal(scoreOf(file20, []), -1);
    assert.equal(scoreOf(file20, [], LOW_FN), -2);
  });

  it('costs fpWeight for a false positive before any window', () => {
    assert.ok(Math.abs(scoreOf(file20, [5, 10]) - (1 - 0.11)) < 1e-12);
  });

  it('costs less for a false positive just after a window, by its distance in widths − 1', () => {
    // Row 15 is 1 row past the right edge (14) of a width-5 window: position 1/4.
    const expected = 1 - 0.11 * Math.tanh(0.625);
    assert.ok(Math.abs(scoreOf(file20, [10, 15]) - expected) < 1e-12);
    assert.ok(scoreOf(file20, [10, 15]) > scoreOf(file20, [10, 19]));
  });
});

describe('probationary period', () => {
  it('ignores detections in the first 15 % of the file', () => {
    assert.equal(scoreOf(file20, [0, 1, 2]), -1);
    assert.ok(Math.abs(scoreOf(file20, [3]) - (-1 - 0.11)) < 1e-12);
  });

  it('neither rewards nor misses a window lying inside it', () => {
    const early = nabFile(20, [{ left: 0, right: 2 }]);
    assert.equal(scoreOf(early, []), 0);
    assert.equal(scoreOf(early, [1]), 0);
  });

  it('scores the rest of a window it cuts by the position in the whole window', () => {
    // Window 1–5 (width 5); row 3 is the first scorable row, position −3/5.
    const cut = nabFile(20, [{ left: 1, right: 5 }]);
    assert.ok(Math.abs(scoreOf(cut, [1, 3]) - Math.tanh(1.5) / Math.tanh(2.5)) < 1e-12);
  });
});

describe('optimiseThreshold()', () => {
  // FP at 0.95 (row 5), TP at 0.9 (window start, row 10), FP at 0.8 (row 6), the rest 0.
  const scores = new Array<number>(20).fill(0);
  scores[5] = 0.95;
  scores[10] = 0.9;
  scores[6] = 0.8;
  const corpus = scoreCorpus([file20], [scores]);

  it('tries every distinct score and keeps the best: 1.1 → −1, 0.95 → −1.11, 0.9 → 0.89, 0.8 → 0.78', () => {
    assert.equal(scoreAtThreshold(corpus, STANDARD, NO_DETECTION_THRESHOLD), -1);
    assert.ok(Math.abs(scoreAtThreshold(corpus, STANDARD, 0.95) - -1.11) < 1e-12);
    assert.ok(Math.abs(scoreAtThreshold(corpus, STANDARD, 0.8) - 0.78) < 1e-12);
    const best = optimiseThreshold(corpus, STANDARD);
    assert.equal(best.threshold, 0.9);
    assert.ok(Math.abs(best.score - 0.89) < 1e-12);
  });

  it('detects nothing (threshold 1.1) when every detection costs more than it earns', () => {
    // No window: any detection is a false positive, so the empty detection set (score 0) wins.
    const onlyFalse = scoreCorpus([nabFile(20, [])], [detections(20, [4, 5, 6])]);
    assert.deepEqual(optimiseThreshold(onlyFalse, STANDARD), { threshold: NO_DETECTION_THRESHOLD, score: 0 });
  });

  it('pools files: one threshold for the whole corpus', () => {
    // A's window start scores 0.6, B's one false positive 0.7. Alone, B would detect nothing; pooled,
    // catching A's window is worth B's FP: 0.6 gives 1 − 0.11, 0.7 gives −1 − 0.11, 1.1 gives −1.
    const a = nabFile(20, [WINDOW], 'cat/a.csv');
    const b = nabFile(20, [], 'cat/b.csv');
    const scoresA = new Array<number>(20).fill(0);
    scoresA[10] = 0.6;
    const scoresB = new Array<number>(20).fill(0);
    scoresB[8] = 0.7;
    const best = optimiseThreshold(scoreCorpus([a, b], [scoresA, scoresB]), STANDARD);
    assert.equal(best.threshold, 0.6);
    assert.ok(Math.abs(best.score - (1 - 0.11)) < 1e-12);
  });

  it('agrees with brute force over every candidate on random corpora, ties included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 20; trial++) {
      const files = [nabFile(60, [{ left: 20, right: 29 }, { left: 40, right: 44 }], 'c/x.csv'), nabFile(40, [{ left: 30, right: 35 }], 'c/y.csv')];
      // Two decimals make ties common, which is where a sweep is easiest to get wrong.
      const scores = files.map((f) => f.values.map(() => Math.round(random() * 100) / 100));
      const corpus = scoreCorpus(files, scores);
      const candidates = [NO_DETECTION_THRESHOLD, ...new Set(scores.flat())];
      const bruteBest = Math.max(...candidates.map((t) => scoreAtThreshold(corpus, LOW_FN, t)));
      const best = optimiseThreshold(corpus, LOW_FN);
      assert.ok(Math.abs(best.score - bruteBest) < 1e-9, `trial ${trial}: ${best.score} vs ${bruteBest}`);
    }
  });
});

describe('scoreDetector() normalisation', () => {
  const files = [nabFile(40, [{ left: 10, right: 14 }, { left: 25, right: 34 }], 'c/a.csv'), nabFile(40, [], 'c/b.csv')];
  const profiles = { standard: STANDARD, reward_low_FN_rate: LOW_FN };
  const corpus: NabCorpus = { files, profiles, windowCount: 2 };

  it('gives a perfect detector 100 and the null detector 0 in every profile', () => {
    const perfect = scoreDetector(corpus, [detections(40, [10, 25]), detections(40, [])]);
    const nullScores = scoreDetector(corpus, files.map((f) => f.values.map(() => 0.5)));
    for (const s of perfect) assert.ok(Math.abs(s.normalised - 100) < 1e-12, `${s.profile}: ${s.normalised}`);
    for (const s of nullScores) assert.equal(s.normalised, 0);
  });

  it('optimises the null detector too: detect nothing or detect every row, whichever is better', () => {
    // Every scorable row detected (rows 6–39 of both files): both windows hit at their start (+2),
    // 4 FPs before the first window and 34 in file b at −0.11, and FPs trailing each window at
    // −0.11·tanh(2.5·d/(width − 1)) for d rows past it.
    const trailing = (width: number, count: number) =>
      Array.from({ length: count }, (_, i) => Math.tanh((2.5 * (i + 1)) / (width - 1))).reduce((a, b) => a + b, 0);
    const detectAll = 2 - 0.11 * (4 + 34) - 0.11 * (trailing(5, 10) + trailing(10, 5));
    const [standard, lowFn] = scoreDetector(corpus, files.map((f) => f.values.map(() => 0.5)));
    assert.equal(standard?.nullScore, -2); // missing both windows beats −3.55
    assert.ok(lowFn && Math.abs(lowFn.nullScore - detectAll) < 1e-12); // −3.55 beats missing both at −2 each
    assert.ok(detectAll > -4 && detectAll < -2);
  });

  it('is 100·(S − S_null)/(S_perfect − S_null)', () => {
    assert.equal(normaliseScore(-57, { nullScore: -57, perfect: 57 }), 0);
    assert.equal(normaliseScore(57, { nullScore: -57, perfect: 57 }), 100);
    assert.equal(normaliseScore(0, { nullScore: -114, perfect: 57 }), (100 * 114) / 171);
  });

  it('counts windows inside probation in the perfect score, as NAB does', () => {
    const early: NabCorpus = { files: [nabFile(40, [{ left: 0, right: 2 }, { left: 20, right: 24 }])], profiles, windowCount: 2 };
    const [standard] = scoreDetector(early, [detections(40, [0, 20])]);
    // Raw 1 (the probation window does not count), null −1, perfect 2: 100·2/3.
    assert.ok(standard && Math.abs(standard.normalised - 200 / 3) < 1e-12);
  });
});

describe('corpus loading helpers', () => {
  it('matches label timestamps with microseconds to data rows', () => {
    assert.equal(parseNabTimestamp('2014-04-10 07:15:00'), parseNabTimestamp('2014-04-10 07:15:00.000000'));
    const file = nabFile(20, []);
    const ranges = windowRanges([['2014-04-01 00:50:00.000000', '2014-04-01 01:10:00.000000']], file.timestampsUs, 'x');
    assert.deepEqual(ranges, [{ left: 10, right: 14 }]);
    assert.throws(() => windowRanges([['2014-04-01 00:51:00', '2014-04-01 01:10:00']], file.timestampsUs, 'x'), /matches no row/);
  });

  it('writes result files with the data rows and a 1 label inside windows', () => {
    const lines = formatResults(nabFile(20, [WINDOW]), detections(20, [10])).trim().split('\n');
    assert.equal(lines[0], 'timestamp,value,anomaly_score,label');
    assert.equal(lines.length, 21);
    assert.equal(lines[11], '2014-04-01 00:50:00,0,1,1');
    assert.equal(lines[16], '2014-04-01 01:15:00,0,0,0');
  });

  it('rejects scores outside [0, 1]', () => {
    assert.throws(() => scoreCorpus([file20], [new Array<number>(20).fill(1.5)]), /\[0, 1\]/);
  });
});

// MAX_TP is what turns a left-edge detection into exactly tpWeight.
assert.equal(MAX_TP, scaledSigmoid(-1));
