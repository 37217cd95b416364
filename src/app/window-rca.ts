/**
 * Root-cause ranking of any time window from what is stored, incident or not: the window's
 * metric series replayed through the detector, the alerts active in it, its spans and error
 * logs against the stretch before it, and recent changes, all turned into symptoms and ranked
 * by the same pure ranker as incidents (src/act/rca). This file is the I/O: a fixed handful of
 * bounded queries (src/store WindowRepository), whatever the number of services or series.
 */
import { logSymptoms } from '../act/rca/log-symptoms.js';
import { rankSymptoms } from '../act/rca/rank-causes.js';
import { mayBeAnomalous, seriesSymptoms, shiftSymptoms } from '../act/rca/series-symptoms.js';
import { spanSymptoms } from '../act/rca/span-symptoms.js';
import { symptomOfAlert, type Symptom } from '../act/rca/symptom.js';
import type { Config } from '../core/config.js';
import type { Cause, Change } from '../core/records.js';
import { ServiceGraph } from '../core/service-graph.js';
import { scoreSeries } from '../observe/metrics/score-series.js';
import type { Store, TimeRange, WindowSeries } from '../store/store.js';

/**
 * History replayed before the window so the detector knows each series: an hour is 360 points
 * of the derived series (10 s buckets), well past the detector's learning phase (100 points by
 * default). Series exported so seldom that the hour cannot hold that many points (once a
 * minute: 60) are judged by their window against the stretch before it instead
 * (shiftSymptoms), besides the alerts the live loop raised on them. A dense series that is
 * merely young is left to the replay, which stays quiet while it learns, as the live loop does.
 */
const SERIES_HISTORY_MS = 3_600_000;
/** At most this many points of history per series: enough to learn from, few enough to replay 500 series fast. */
const HISTORY_POINTS = 300;
/** Spans and logs are compared with a stretch before the window as long as it, within these bounds. */
const MIN_BASELINE_MS = 2 * 60_000;
const MAX_BASELINE_MS = 30 * 60_000;
/** Changes this long before the window may still explain it (the ranker keeps the close ones). */
const CHANGE_LOOKBACK_MS = 30 * 60_000;
/** OTLP severity number of ERROR. */
const ERROR_SEVERITY = 17;
/**
 * Spans summed per stretch at most, about: beyond it whole traces are sampled. Rates and own
 * time per service need thousands of spans, not millions, and this keeps a busy 50-service
 * window near 100 ms per stretch.
 */
const SPAN_BUDGET = 8_000;
/** Alerts read at most; a window with more is an outage whose strongest alerts are enough. */
const MAX_ALERTS = 2_000;

export interface WindowRca {
  causes: Cause[];
  /** Symptoms found, by where they came from: says what the ranking rested on. */
  symptoms: { metrics: number; alerts: number; spans: number; logs: number };
}

/** `detector`: the live loop's settings, so the replay decides as the loop would have. */
export function rankWindow(store: Store, range: TimeRange, options: { detector: Config['detector'] }): WindowRca {
  const metrics = seriesEvidence(store, range, options.detector);
  const alerts = store.windows.alertsOverlapping(range, MAX_ALERTS).map(symptomOfAlert);
  const spans = spanEvidence(store, range);
  const logs = logEvidence(store, range);
  const causes = rankSymptoms({ symptoms: [...metrics, ...alerts, ...spans, ...logs], ...rankingContext(store, range) });
  return { causes, symptoms: { metrics: metrics.length, alerts: alerts.length, spans: spans.length, logs: logs.length } };
}

/** What the ranker weighs symptoms against: the service graph and the changes before the window. */
function rankingContext(store: Store, range: TimeRange): { graph: ServiceGraph; changes: Change[] } {
  return {
    graph: new ServiceGraph(store.topology.edges()),
    changes: store.changes.list({ range: { fromMs: range.fromMs - CHANGE_LOOKBACK_MS, toMs: range.toMs } }),
  };
}

/** The window's spans against the stretch before it: own errors and own time, calls that fail or slow. */
export function spanEvidence(store: Store, range: TimeRange): Symptom[] {
  const baseline = baselineOf(range);
  const traceShare = spanShare(store, range);
  return spanSymptoms({
    window: store.windows.spanOutcomes(range, traceShare),
    baseline: store.windows.spanOutcomes(baseline, spanShare(store, baseline)),
    fromMs: range.fromMs,
    traceShare,
  });
}

/** Error log templates new or surging in the window against the stretch before it. */
export function logEvidence(store: Store, range: TimeRange): Symptom[] {
  const baseline = baselineOf(range);
  return logSymptoms({
    window: store.windows.templateCounts(range, ERROR_SEVERITY),
    baseline: store.windows.templateCounts(baseline, ERROR_SEVERITY),
    windowMs: range.toMs - range.fromMs,
    baselineMs: baseline.toMs + 1 - baseline.fromMs,
  });
}

/** The window's metric series replayed through the detector: their anomaly episodes in it. */
function seriesEvidence(store: Store, range: TimeRange, detector: Config['detector']): Symptom[] {
  return store.windows.seriesIn(range, range.fromMs - SERIES_HISTORY_MS).flatMap((series) => replay(series, range, detector));
}

function baselineOf(range: TimeRange): TimeRange {
  const baselineMs = Math.min(MAX_BASELINE_MS, Math.max(MIN_BASELINE_MS, range.toMs - range.fromMs));
  return { fromMs: range.fromMs - baselineMs, toMs: range.fromMs - 1 };
}

function spanShare(store: Store, range: TimeRange): number {
  return Math.min(1, SPAN_BUDGET / Math.max(1, store.windows.spanCount(range)));
}

/**
 * The series' anomaly episodes overlapping the window, as the live detector would have raised
 * them; for a series too sparse for the detector to learn from in the replayed history, its shift.
 */
function replay(series: WindowSeries, range: TimeRange, detector: Config['detector']): Symptom[] {
  if (meanIntervalMs(series.points) * detector.learnPoints > SERIES_HISTORY_MS) {
    return shiftSymptoms(series, series.points, range, detector.firingPoints);
  }
  const firstInWindow = series.points.findIndex((point) => point.timeMs >= range.fromMs);
  const points = series.points.slice(Math.max(0, firstInWindow - HISTORY_POINTS));
  // Replaying costs microseconds a point; most series of a window are plainly normal.
  if (!mayBeAnomalous(series.name, points, range.fromMs)) return [];
  const { episodes } = scoreSeries(series.name, points, detector, { service: series.service, labels: series.labels });
  const overlapping = episodes.filter((e) => e.startMs <= range.toMs && (e.endMs === undefined || e.endMs >= range.fromMs));
  return seriesSymptoms(series, overlapping);
}

/** Mean time between a series' points: its export interval, give or take the gaps. */
function meanIntervalMs(points: ReadonlyArray<{ timeMs: number }>): number {
  if (points.length < 2) return Number.POSITIVE_INFINITY;
  return ((points.at(-1)?.timeMs ?? 0) - (points[0]?.timeMs ?? 0)) / (points.length - 1);
}
