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
