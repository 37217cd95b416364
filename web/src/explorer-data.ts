/**
 * The scores API's answer shaped for the explorer's charts and links. uPlot wants one array per
 * series aligned on the time column, with null where a series has no value (here: while the
 * detector is still learning, it has no expected value, band or score). Pure.
 */
import type uPlot from 'uplot';
import type { TimeWindow } from './explorer-query.js';
import type { AnomalyEpisode, ScoredPoint } from './types.js';

/** Columns of valueColumns(), by name; the value chart's series and band use these indices. */
export const VALUE_COLUMN = { value: 1, expected: 2, lower: 3, upper: 4, anomalous: 5 } as const;

/** [time, value, expected, lower, upper, anomalous], the last holding the value only where the detector flagged it. */
export function valueColumns(points: readonly ScoredPoint[]): uPlot.AlignedData {
  return [
    points.map((point) => point.timeMs),
    points.map((point) => point.value),
    points.map((point) => point.expected ?? null),
    points.map((point) => point.lower ?? null),
    points.map((point) => point.upper ?? null),
    points.map((point) => (point.anomalous ? point.value : null)),
  ];
}

/** [time, score]. */
export function scoreColumns(points: readonly ScoredPoint[]): uPlot.AlignedData {
  return [points.map((point) => point.timeMs), points.map((point) => point.score ?? null)];
}

/** Points the detector could not score yet for lack of history. */
export function learningPoints(points: readonly ScoredPoint[]): number {
  return points.filter((point) => point.score === undefined).length;
}

const MIN_ZOOM_PADDING_MS = 5 * 60_000;

/**
 * A window around one episode with as much normal on each side as the episode lasted (at
 * least 5 min), so its start and end can be judged against what came before and after.
 * An open episode runs to `openUntilMs`, the end of the window it was found in.
 */
export function episodeWindow(episode: AnomalyEpisode, openUntilMs: number): TimeWindow {
  const endMs = episode.endMs ?? openUntilMs;
  const padding = Math.max(MIN_ZOOM_PADDING_MS, endMs - episode.startMs);
  return { fromMs: episode.startMs - padding, toMs: endMs + padding };
}
