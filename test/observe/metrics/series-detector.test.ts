import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDetectorSnapshot } from '../../../src/observe/metrics/detector-snapshot.js';
import { metricSemantics } from '../../../src/observe/metrics/metric-semantics.js';
import { SeriesDetector, type EpisodeEvent } from '../../../src/observe/metrics/series-detector.js';

const settings = { windowPoints: 60, minPoints: 20, threshold: 6, firingPoints: 2, resolvePoints: 3 };

/** Deterministic noise in [-1, 1]. */
function noise(i: number): number {
  return Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;
}

function feed(detector: SeriesDetector, values: number[], stepMs = 10_000): EpisodeEvent[] {
  const events: EpisodeEvent[] = [];
  values.forEach((value, i) => {
    const event = detector.observe(i * stepMs, value);
    if (event) events.push(event);
  });
  return events;
}

describe('SeriesDetector', () => {
  it('stays quiet on noise and during cold start', () => {
    const detector = new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95'));
    const events = feed(detector, Array.from({ length: 300 }, (_, i) => 50 + 5 * noise(i)));
    assert.deepEqual(events, []);
  });

  it('opens an episode at the onset of a latency spike and closes it after recovery', () => {
    const detector = new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95'));
    const values = Array.from({ length: 100 }, (_, i) => 50 + 5 * noise(i));
    for (let i = 60; i < 70; i++) values[i] = 400 + noise(i);
    const events = feed(detector, values);
    assert.equal(events[0]?.type, 'opened');
    assert.equal(events[0]?.type === 'opened' && events[0].onsetMs, 60 * 10_000);
    assert.equal(events[0]?.direction, 'up');
    const closed = events.find((e) => e.type === 'closed');
    assert.ok(closed && closed.type === 'closed');
    assert.equal(closed.endMs, 72 * 10_000, 'closes on the third normal point');
    assert.ok(closed.peak.value > 390 && Math.abs(closed.peak.expected - 50) < 5);
  });

  it('ignores drops of up-only metrics but catches drops of request rate', () => {
    const values = Array.from({ length: 80 }, (_, i) => 100 + 3 * noise(i));
    for (let i = 50; i < 60; i++) values[i] = 0;
    assert.deepEqual(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.latency_p95')), values), []);
    const events = feed(new SeriesDetector(settings, metricSemantics('opsloop.service.request_rate')), values);
    assert.equal(events[0]?.type, 'opened');
    assert.equal(events[0]?.direction, 'down');
  });

  it('needs consecutive anomalous points: a single outlier does not fire', () => {
    const values = Array.from({ length: 80 }, (_, i) => 100 + 3 * noise(i));
    values[50] = 1000;
    assert.deepEqual(feed(new SeriesDetector(settings, metricSemantics('x')), values), []);
  });

  it('keeps anomalous points out of the baseline so a long fault keeps firing', () => {
    const values = Array.from({ length: 200 }, (_, i) => 100 + 3 * noise(i));
    for (let i = 50; i < 200; i++) values[i] = 300;
    const events = feed(new SeriesDetector(settings, metricSemantics('x')), values);
    assert.equal(events.filter((e) => e.type === 'closed').length, 0);
    assert.equal(events.filter((e) => e.type === 'continued').length, 148);
  });

  it('does not alarm on small blips of a near-zero error ratio', () => {
    const values: number[] = Array.from({ length: 120 }, (_, i) => (i % 17 === 0 ? 0.02 : 0));
    values[90] = 0.025;
    values[91] = 0.025;
    assert.deepEqual(feed(new SeriesDetector(settings, metricSemantics('opsloop.service.error_ratio')), values), []);
    values[100] = 0.4;
    values[101] = 0.45;
    const events = feed(new SeriesDetector(settings, metricSemantics('opsloop.service.error_ratio')), values);
    assert.equal(events[0]?.type, 'opened');
  });

  it('skips out-of-order points', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    detector.observe(1000, 1);
    detector.observe(500, 1000);
    assert.equal(detector.lastSeenMs, 1000);
  });
});

describe('SeriesDetector episodes that swing both ways', () => {
  it('takes its direction from its peak and keeps a swing the other way out of the peak', () => {
    const detector = new SeriesDetector(settings, metricSemantics('x'));
    const values = Array.from({ length: 60 }, (_, i) => 100 + 3 * noise(i));
    values.push(40, 300, 250, 0, 260);
    const events = feed(detector, values);
    const opened = events.find((e) => e.type === 'opened');
    assert.equal(opened?.direction, 'up', 'the +200 point outweighs the -60 one');
    const last = events.at(-1);
    assert.ok(last && last.type !== 'closed');
    assert.equal(last.peak.value, 300);
    assert.equal(last.direction, 'up');
  });

  it('continues identically after snapshot → JSON → restore', () => {
    const semantics = metricSemantics('opsloop.service.latency_p95');
    const values = Array.from({ length: 150 }, (_, i) => 50 + 5 * noise(i) + (i >= 95 && i < 105 ? 300 : 0));
    const original = new SeriesDetector(settings, semantics);
    feed(original, values.slice(0, 100));
    const snapshot = parseDetectorSnapshot(JSON.parse(JSON.stringify(original.snapshot())));
    assert.ok(snapshot, 'a snapshot passes its own schema after a JSON round trip');
    assert.equal(snapshot.episode?.direction, 'up', 'an open episode is carried over');
    const restored = SeriesDetector.restore(settings, semantics, snapshot);
    for (let i = 100; i < 150; i++) {
      assert.deepEqual(restored.observe(i * 10_000, values[i] as number), original.observe(i * 10_000, values[i] as number));
      assert.deepEqual(restored.lastScore, original.lastScore);
    }
    assert.deepEqual(restored.snapshot(), original.snapshot());
  });

  it('keeps time unset in a snapshot taken before any point', () => {
    const snapshot = new SeriesDetector(settings, metricSemantics('x')).snapshot();
    assert.equal(snapshot.lastTimeMs, null);
    assert.ok(parseDetectorSnapshot(JSON.parse(JSON.stringify(snapshot))));
  });

  it('rejects corrupt and old-version snapshots', () => {
    const good = new SeriesDetector(settings, metricSemantics('x')).snapshot();
    assert.equal(parseDetectorSnapshot(undefined), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, version: 0 }), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, baseline: [1, 'two'] }), undefined);
    assert.equal(parseDetectorSnapshot({ ...good, normalStreak: -1 }), undefined);
  });
});
