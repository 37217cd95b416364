/**
 * Root-cause ranking of any time window from what is stored, incident or not: the window's
 * metric series replayed through the detector, the alerts active in it, its spans and error
 * logs against the stretch before it, and recent changes, all turned into symptoms and ranked
 * by the same pure ranker as incidents (src/act/rca). This file is the I/O: a fixed handful of
 * bounded queries (src/store WindowRepository), whatever the number of services or series.
 */
import { logSymptoms } from '../act/rca/log-symptoms.js';
import { rankSymptoms } from '../act/rca/rank-causes.js';
import { seriesSymptoms } from '../act/rca/series-symptoms.js';
import { spanSymptoms } from '../act/rca/span-symptoms.js';
import { symptomOfAlert, type Symptom } from '../act/rca/symptom.js';
import type { Config } from '../core/config.js';
import type { Cause } from '../core/records.js';
import { ServiceGraph } from '../core/service-graph.js';
import { scoreSeries } from '../observe/metrics/score-series.js';
import type { Store, TimeRange, WindowSeries } from '../store/store.js';

/**
 * History replayed before the window so the detector knows each series: two hours holds more
 * than the learning phase of derived series (10 s buckets) and of most exporters (≤ 60 s).
 */
const SERIES_HISTORY_MS = 2 * 3_600_000;
/** At most this many points of history per series, as GET /api/v1/series/scores replays. */
const HISTORY_POINTS = 500;
/** Spans and logs are compared with a stretch before the window as long as it, within these bounds. */
const MIN_BASELINE_MS = 5 * 60_000;
const MAX_BASELINE_MS = 30 * 60_000;
/** Changes this long before the window may still explain it (the ranker keeps the close ones). */
const CHANGE_LOOKBACK_MS = 30 * 60_000;
/** OTLP severity number of ERROR. */
const ERROR_SEVERITY = 17;
/** Alerts read at most; a window with more is an outage whose strongest alerts are enough. */
const MAX_ALERTS = 2_000;

export interface WindowRca {
  causes: Cause[];
  /** Symptoms found, by where they came from: says what the ranking rested on. */
  symptoms: { metrics: number; alerts: number; spans: number; logs: number };
}

export function rankWindow(store: Store, detector: Config['detector'], range: TimeRange): WindowRca {
  const baselineMs = Math.min(MAX_BASELINE_MS, Math.max(MIN_BASELINE_MS, range.toMs - range.fromMs));
  const baseline = { fromMs: range.fromMs - baselineMs, toMs: range.fromMs - 1 };

  const metrics = store.windows.seriesIn(range, range.fromMs - SERIES_HISTORY_MS).flatMap((series) => replay(series, range, detector));
  const alerts = store.windows.alertsOverlapping(range, MAX_ALERTS).map(symptomOfAlert);
  const spans = spanSymptoms({
    window: store.windows.spanOutcomes(range),
    baseline: store.windows.spanOutcomes(baseline),
    fromMs: range.fromMs,
  });
  const logs = logSymptoms({
    window: store.windows.templateCounts(range, ERROR_SEVERITY),
    baseline: store.windows.templateCounts(baseline, ERROR_SEVERITY),
    windowMs: range.toMs - range.fromMs,
    baselineMs,
  });
  const changes = store.changes.list({ range: { fromMs: range.fromMs - CHANGE_LOOKBACK_MS, toMs: range.toMs } });
  const graph = new ServiceGraph(store.topology.edges());

  const causes = rankSymptoms({ symptoms: [...metrics, ...alerts, ...spans, ...logs], graph, changes });
  return { causes, symptoms: { metrics: metrics.length, alerts: alerts.length, spans: spans.length, logs: logs.length } };
}

/** The series' anomaly episodes overlapping the window, as the live detector would have raised them. */
function replay(series: WindowSeries, range: TimeRange, detector: Config['detector']): Symptom[] {
  const firstInWindow = series.points.findIndex((point) => point.timeMs >= range.fromMs);
  const points = series.points.slice(Math.max(0, firstInWindow - HISTORY_POINTS));
  const { episodes } = scoreSeries(series.name, points, detector, { service: series.service, labels: series.labels });
  const overlapping = episodes.filter((e) => e.startMs <= range.toMs && (e.endMs === undefined || e.endMs >= range.fromMs));
  return seriesSymptoms(series, overlapping);
}
