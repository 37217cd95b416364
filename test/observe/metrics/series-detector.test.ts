import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDetectorSnapshot } from '../../../src/observe/metrics/detector-snapshot.js';
import { metricSemantics } from '../../../src/observe/metrics/metric-semantics.js';
import { SeriesDetector, type EpisodeEvent } from '../../../src/observe/metrics/series-detector.js';

const settings = { learnPoints: 100, threshold: 0.5, firingPoints: 1, resolvePoints: 3 };
const STEP = 60_000;

/** Deterministic noise in [-1, 1]. */
function noise(i: number): number {
  return Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;
}

function feed(detector: SeriesDetector, values: readonly number[], stepMs = STEP, from = 0): EpisodeEvent[] {
  const events: EpisodeEvent[] = [];
  values.forEach((value, i) => {
    const event = detector.observe((from + i) * stepMs, value);
    if (event) events.push(event);
  });
  return events;
}

const opened = (events: EpisodeEvent[]) => events.filter((e): e is Extract<EpisodeEvent, { type: 'opened' }> => e.type === 'opened');

describe('SeriesDetector', () => {
  it('learns quietly during the cold start and stays quiet on steady noise', () => {
    const detector = new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95'));
    const values = Array.from({ length: 2000 }, (_, i) => 50 + 5 * noise(i));
    const events = feed(detector, values.slice(0, 100));
    assert.deepEqual(events, []);
    assert.equal(detector.lastScore, undefined, 'no score before learnPoints');
    assert.deepEqual(opened(feed(detector, values.slice(100), STEP, 100)), []);
  });

  it('finds a level shift within three points, with its direction and onset, and closes after recovery', () => {
    const detector = new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95'));
    const values = Array.from({ length: 700 }, (_, i) => 50 + 5 * noise(i) + (i >= 600 && i < 620 ? 200 : 0));
    const events = feed(detector, values);
    const first = opened(events)[0];
    assert.ok(first, 'an episode opens');
    assert.ok(first.onsetMs >= 600 * STEP && first.onsetMs <= 602 * STEP, `onset ${first.onsetMs / STEP}`);
    assert.equal(first.direction, 'up');
    assert.equal(opened(events).length, 1, 'one episode for one shift');
    const closed = events.find((e) => e.type === 'closed');
    assert.ok(closed && closed.type === 'closed' && closed.endMs > 620 * STEP && closed.endMs < 640 * STEP);
    assert.ok(closed.peak.value > 240 && Math.abs(closed.peak.expected - 50) < 10);
  });

  it('finds a lasting shift of under a scale inside the range the series has already visited', () => {
    // Wide swings while learning, so the shifted values are nowhere near a record: the shift is
    // new only against the expected value (deviation contexts, the slow CUSUM).
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    const values = Array.from({ length: 1400 }, (_, i) => 100 + (i < 100 ? 25 : 10) * noise(i) + (i >= 1200 && i < 1350 ? 4 : 0));
    const events = feed(detector, values);
    const first = opened(events)[0];
    assert.ok(first, 'an episode opens');
    assert.ok(first.onsetMs >= 1200 * STEP && first.onsetMs < 1350 * STEP, `onset ${first.onsetMs / STEP}`);
    assert.equal(first.direction, 'up');
    assert.ok(Math.abs(first.point.expected - 100) < 3, `expected ${first.point.expected}`);
  });

  it('keeps an episode open while the deviation lasts, though the shape stops being new', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    const values = Array.from({ length: 500 }, (_, i) => 100 + 3 * noise(i) + (i >= 300 && i < 340 ? 100 : 0));
    const events = feed(detector, values);
    const closedAt = events.find((e) => e.type === 'closed');
    assert.equal(opened(events).length, 1);
    assert.ok(closedAt && closedAt.type === 'closed' && closedAt.endMs >= 340 * STEP, 'not before the fault ends');
  });

  it('ignores drops of up-only metrics but catches drops of request rate', () => {
    const values = Array.from({ length: 400 }, (_, i) => 100 + 3 * noise(i));
    for (let i = 300; i < 320; i++) values[i] = 5 + noise(i);
    assert.deepEqual(opened(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95')), values)), []);
    const events = opened(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.request_rate')), values));
    assert.equal(events[0]?.direction, 'down');
  });

  it('does not alarm on blips of a near-zero error ratio below the metric floor', () => {
    const values: number[] = Array.from({ length: 400 }, (_, i) => (i % 17 === 0 ? 0.01 : 0));
    values[300] = 0.015;
    values[301] = 0.015;
    assert.deepEqual(opened(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.error_ratio')), values)), []);
    values[350] = 0.4;
    values[351] = 0.45;
    assert.equal(opened(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.error_ratio')), values)).length, 1);
  });

  it('catches a stuck (flat) line in a series that always moved', () => {
    const values = Array.from({ length: 1200 }, (_, i) => 100 + 20 * Math.sin((2 * Math.PI * i) / 60) + 2 * noise(i));
    for (let i = 900; i < 960; i++) values[i] = 100;
    const events = opened(feed(new SeriesDetector(settings, metricSemantics('x')), values));
    assert.ok(events.some((e) => e.onsetMs >= 900 * STEP && e.onsetMs <= 920 * STEP), JSON.stringify(events.map((e) => e.onsetMs / STEP)));
  });

  it('gives every scored point an expected value inside its band and a score in [0, 1]', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    for (let i = 0; i < 400; i++) {
      detector.observe(i * STEP, 10 + noise(i));
      const p = detector.lastScore;
      if (!p) continue;
      assert.ok(p.score >= 0 && p.score <= 1);
      assert.ok(p.lower < p.expected && p.expected < p.upper);
    }
  });
});

describe('SeriesDetector on bad input', () => {
  it('rejects non-finite values and out-of-order or duplicate times without learning them', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    feed(detector, Array.from({ length: 200 }, (_, i) => 10 + noise(i)));
    const before = JSON.stringify(detector.snapshot());
    for (const [t, v] of [
      [300 * STEP, Number.NaN],
      [300 * STEP, Number.POSITIVE_INFINITY],
      [300 * STEP, Number.NEGATIVE_INFINITY],
      [150 * STEP, 1e9],
      [199 * STEP, 1e9],
    ] as const) {
      assert.equal(detector.observe(t, v), undefined);
      assert.equal(detector.lastScore, undefined);
    }
    assert.equal(JSON.stringify(detector.snapshot()), before, 'nothing was learned');
  });

  it('survives huge values and a huge jump in time, and keeps scoring', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    feed(detector, Array.from({ length: 200 }, (_, i) => 10 + noise(i)));
    detector.observe(201 * STEP, 1e308);
    detector.observe(202 * STEP, -1e308);
    detector.observe(1e15, 10);
    const p = detector.lastScore;
    assert.ok(p && Number.isFinite(p.score) && p.score >= 0 && p.score <= 1);
    assert.ok(parseDetectorSnapshot(JSON.parse(JSON.stringify(detector.snapshot()))), 'state stays serialisable');
  });
});

describe('SeriesDetector state', () => {
  it('continues identically after snapshot → JSON → restore', () => {
    const semantics = metricSemantics('opsloop.service.latency_p95');
    const values = Array.from({ length: 400 }, (_, i) => 50 + 5 * noise(i) + (i >= 295 && i < 310 ? 300 : 0));
    const original = new SeriesDetector(settings, semantics);
    feed(original, values.slice(0, 300));
    const snapshot = parseDetectorSnapshot(JSON.parse(JSON.stringify(original.snapshot())));
    assert.ok(snapshot, 'a snapshot passes its own schema after a JSON round trip');
    assert.equal(snapshot.episode?.direction, 'up', 'an open episode is carried over');
    const restored = SeriesDetector.restore(settings, semantics, snapshot);
    for (let i = 300; i < 400; i++) {
      assert.deepEqual(restored.observe(i * STEP, values[i] as number), original.observe(i * STEP, values[i] as number));
      assert.deepEqual(restored.lastScore, original.lastScore);
    }
    assert.deepEqual(restored.snapshot(), original.snapshot());
  });

  it('keeps time unset in a snapshot taken before any point', () => {
    const snapshot = new SeriesDetector(settings, metricSemantics('x')).snapshot();
    assert.equal(snapshot.model.lastTimeMs, null);
    assert.ok(parseDetectorSnapshot(JSON.parse(JSON.stringify(snapshot))));
  });

  it('rejects corrupt and old-version snapshots', () => {
    const good = new SeriesDetector(settings, metricSemantics('x')).snapshot();
    assert.equal(parseDetectorSnapshot(undefined), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, version: 1 }), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, model: { ...good.model, learning: [1, 'two'] } }), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, model: { ...good.model, seen: '%%%' } }), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, normalStreak: -1 }), undefined);
  });
});
