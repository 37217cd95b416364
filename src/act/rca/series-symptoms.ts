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
 * Robust scales off the history's median a series too young or too sparse for the detector
 * must stray, in as many window points as the detector needs to fire, to be a symptom: the
 * n-sigma rule's 3, on a median and MAD so the faults inside the history do not widen it.
 */
const SHIFT_SCALES = 3;

type Point = { timeMs: number; value: number };

/**
 * A cheap screen before the replay: could a point from `fromMs` on be anomalous at all? It is
 * looser than the detector (a median and MAD of the history, no seasonality, a lower bar), so
 * it only spares the replay of series whose window plainly stays within their usual range.
 */
export function mayBeAnomalous(name: string, points: readonly Point[], fromMs: number): boolean {
  const { history, window } = split(points, fromMs, Number.POSITIVE_INFINITY);
  if (history.length < SCREEN_MIN_HISTORY) return true;
  const { centre, scale } = usualRange(name, history);
  return window.some((value) => Math.abs(value - centre) >= SCREEN_SCALES * scale);
}

/**
 * The symptom of a series the detector cannot judge because it has not seen enough points to
 * learn from (a new series, or one exported once a minute, whose hour before the window is 60
 * points): the window against the stretch before it, as spans and logs are judged. It counts
 * when `firingPoints` window points stray SHIFT_SCALES robust scales or more (and the metric's
 * floor) in a direction the metric's semantics call bad; its strength is the least of those.
 */
export function shiftSymptoms(series: EpisodeSeries, points: readonly Point[], range: { fromMs: number; toMs: number }, firingPoints: number): Symptom[] {
  const semantics = metricSemantics(series.name);
  const { history, window, windowTimes } = split(points, range.fromMs, range.toMs);
  if (history.length < SCREEN_MIN_HISTORY || window.length < firingPoints) return [];
  const { centre, scale } = usualRange(series.name, history);
  let best: { z: number; direction: 'up' | 'down'; startsMs: number; value: number } | undefined;
  for (const direction of semantics.directions) {
    const sign = direction === 'up' ? 1 : -1;
    const deviations = window.map((value, index) => ({ z: (sign * (value - centre)) / scale, value, timeMs: windowTimes[index] as number }));
    const straying = deviations.filter((d) => d.z >= SHIFT_SCALES && Math.abs(d.value - centre) >= semantics.minScale);
    if (straying.length < firingPoints) continue;
    const z = straying.map((d) => d.z).sort((a, b) => b - a)[firingPoints - 1] as number;
    const peak = straying.reduce((a, b) => (b.z > a.z ? b : a));
    if (!best || z > best.z) best = { z, direction, startsMs: (straying[0] as (typeof straying)[number]).timeMs, value: peak.value };
  }
  if (!best) return [];
  const peer = series.labels[PEER_LABEL];
  return [
    {
      service: series.service,
      ...(series.instance ? { instance: series.instance } : {}),
      ...(peer !== undefined ? { peer } : {}),
      seenByCaller: peer !== undefined && isEdgeMetric(series.name),
      name: `${semantics.label} ${best.direction}`,
      summary: `${semantics.label} ${best.value.toPrecision(3)} vs usual ${centre.toPrecision(3)} before the window (${best.z.toFixed(1)} scales off)`,
      startsMs: best.startsMs,
      strength: strengthOfDeviation(best.z),
      resource: semantics.resource,
      metric: series.name,
      series: series.key,
    },
  ];
}

function split(points: readonly Point[], fromMs: number, toMs: number): { history: number[]; window: number[]; windowTimes: number[] } {
  const history: number[] = [];
  const window: number[] = [];
  const windowTimes: number[] = [];
  for (const { timeMs, value } of points) {
    if (timeMs < fromMs) history.push(value);
    else if (timeMs <= toMs) {
      window.push(value);
      windowTimes.push(timeMs);
    }
  }
  return { history, window, windowTimes };
}

/** Median and robust scale (MAD, floored by the metric's least meaningful change) of the recent history. */
function usualRange(name: string, history: readonly number[]): { centre: number; scale: number } {
  const recent = history.slice(-SCREEN_HISTORY);
  const centre = median(recent);
  const mad = median(recent.map((value) => Math.abs(value - centre)));
  return { centre, scale: Math.max(1.4826 * mad, metricSemantics(name).minScale, Math.abs(centre) * 1e-3, Number.EPSILON) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
