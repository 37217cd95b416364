/**
 * Symptoms from metric series replayed through the detector over a time window: each anomaly
 * episode overlapping the window is one, weighed like the alert the live loop would have
 * raised for it. Pure.
 */
import type { AnomalyEpisode } from '../../observe/metrics/score-series.js';
import { metricSemantics } from '../../observe/metrics/metric-semantics.js';
import { PEER_LABEL } from '../../observe/traces/derived-series.js';
import { isEdgeMetric, strengthOfDeviation, type Symptom } from './symptom.js';

export interface EpisodeSeries {
  key: string;
  name: string;
  service: string;
  instance?: string;
  labels: Record<string, string>;
}

export function seriesSymptoms(series: EpisodeSeries, episodes: readonly AnomalyEpisode[]): Symptom[] {
  const semantics = metricSemantics(series.name);
  const peer = series.labels[PEER_LABEL];
  return episodes.map((episode) => ({
    service: series.service,
    ...(series.instance ? { instance: series.instance } : {}),
    ...(peer !== undefined ? { peer } : {}),
    seenByCaller: peer !== undefined && isEdgeMetric(series.name),
    name: `${semantics.label} ${episode.direction}`,
    summary: episode.summary,
    startsMs: episode.startMs,
    strength: strengthOfDeviation(episode.peakZ),
    resource: semantics.resource,
    metric: series.name,
    series: series.key,
  }));
}

/** Robust scales off the history's median a window point needs before the replay can flag it (the detector needs ≥ 2). */
const SCREEN_SCALES = 2;
/** Points of history below which the screen cannot judge, and the replay decides. */
const SCREEN_MIN_HISTORY = 10;
/** The recent history the screen compares with: the detector's own baseline is recent too. */
const SCREEN_HISTORY = 60;

/**
 * A cheap screen before the replay: could a point from `fromMs` on be anomalous at all? It is
 * looser than the detector (a median and MAD of the history, no seasonality, a lower bar), so
 * it only spares the replay of series whose window plainly stays within their usual range.
 */
export function mayBeAnomalous(name: string, points: ReadonlyArray<{ timeMs: number; value: number }>, fromMs: number): boolean {
  const history: number[] = [];
  const window: number[] = [];
  for (const { timeMs, value } of points) (timeMs < fromMs ? history : window).push(value);
  if (history.length < SCREEN_MIN_HISTORY) return true;
  const recent = history.slice(-SCREEN_HISTORY);
  const centre = median(recent);
  const mad = median(recent.map((value) => Math.abs(value - centre)));
  const scale = Math.max(1.4826 * mad, metricSemantics(name).minScale, Math.abs(centre) * 1e-3, Number.EPSILON);
  return window.some((value) => Math.abs(value - centre) >= SCREEN_SCALES * scale);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
