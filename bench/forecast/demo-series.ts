/**
 * The demo shop's metric series, generated in-process: the simulation (src/demo) with a fixed
 * seed, its OTLP metric payloads through the same conversion as ingest (normalise → points,
 * counters to rates, histograms to quantiles), then averaged per `bucketMs` as a capacity
 * forecast reads a long window. No network, no store.
 */
import { seriesKey } from '../../src/core/series.js';
import { ShopSimulation } from '../../src/demo/simulation.js';
import { CumulativeState } from '../../src/ingest/otlp/cumulative-state.js';
import { metricsToPoints } from '../../src/ingest/otlp/metrics-to-points.js';
import { normaliseMetrics } from '../../src/ingest/otlp/normalise-metrics.js';
import type { TimePoint } from '../../src/observe/metrics/forecast/regularise.js';

export interface DemoSeriesOptions {
  seed: number;
  startMs: number;
  durationMs: number;
  bucketMs: number;
  /** Series whose name matches are kept (the demo has hundreds of per-route series). */
  include: RegExp;
  onProgress?: (doneMs: number) => void;
}

const STEP_MS = 60_000;

export function demoSeries(options: DemoSeriesOptions): Map<string, TimePoint[]> {
  const simulation = new ShopSimulation({ seed: options.seed, startMs: options.startMs, warmupMs: 0, stepMs: STEP_MS });
  const state = new CumulativeState();
  const buckets = new Map<string, Map<number, { sum: number; count: number }>>();
  const endMs = options.startMs + options.durationMs;
  while (simulation.nowMs() < endMs) {
    const { metrics, toMs } = simulation.step();
    options.onProgress?.(toMs - options.startMs);
    if (!metrics) continue;
    const conversion = metricsToPoints(normaliseMetrics(metrics), state);
    conversion.commit();
    for (const point of conversion.points) {
      if (!options.include.test(point.name)) continue;
      const key = seriesKey(point);
      let series = buckets.get(key);
      if (!series) buckets.set(key, (series = new Map()));
      const bucket = Math.floor(point.timeMs / options.bucketMs) * options.bucketMs;
      const slot = series.get(bucket) ?? { sum: 0, count: 0 };
      slot.sum += point.value;
      slot.count++;
      series.set(bucket, slot);
    }
  }
  return new Map(
    [...buckets].map(([key, series]) => [key, [...series].map(([timeMs, { sum, count }]) => ({ timeMs, value: sum / count }))]),
  );
}
