/**
 * uPlot options for the metric explorer: the value chart (value, expected line, the detector's
 * band filled, anomalous points marked) and the score strip under it. Both shade the anomaly
 * episodes and share one cursor, so a score spike lines up with the point that caused it.
 */
import type uPlot from 'uplot';
import type { TimePlotInput } from './components/time-plot.js';
import { VALUE_COLUMN } from './explorer-data.js';
import { formatScore, formatValue } from './format.js';
import type { AnomalyEpisode } from './types.js';

/** What the charts overlay on the data; read at draw time so new data needs only a redraw. */
export interface ExplorerOverlay {
  fromMs: number;
  toMs: number;
  episodes: readonly AnomalyEpisode[];
}

export type ExplorerChartInput = TimePlotInput<ExplorerOverlay>;

const VALUE_COLOR = '#1d4ed8';
const EXPECTED_COLOR = '#b45309';
const BAND_EDGE = 'rgba(180, 83, 9, 0.35)';
const BAND_FILL = 'rgba(180, 83, 9, 0.10)';
const ANOMALY_COLOR = '#dc2626';
const EPISODE_FILL = 'rgba(220, 38, 38, 0.08)';
const EPISODE_EDGE = 'rgba(220, 38, 38, 0.55)';
const SCORE_COLOR = '#7c3aed';
const THRESHOLD_COLOR = 'rgba(22, 25, 29, 0.45)';
/** A score of 0.5 is |z| at the detector's threshold (score = |z| / (|z| + threshold)). */
const SCORE_AT_THRESHOLD = 0.5;
const SYNC_KEY = 'metric-explorer';
/** One y-axis width for both charts, so their plot areas and cursors line up. */
const Y_AXIS_SIZE = 64;

const AXIS_STYLE = { stroke: '#4b5563', grid: { stroke: '#eceef1' }, ticks: { stroke: '#d1d5db' } };

const legendValue = (_: uPlot, value: number | null): string => (value === null || value === undefined ? '—' : formatValue(value));
const line = (label: string, stroke: string, extra: Partial<uPlot.Series> = {}): uPlot.Series => ({
  label,
  stroke,
  width: 1.5,
  points: { show: false },
  value: legendValue,
  ...extra,
});

export function valueChartOptions({ width, height, overlay, label }: ExplorerChartInput & { label: string }): uPlot.Options {
  const series: uPlot.Series[] = [];
  series[0] = {};
  series[VALUE_COLUMN.value] = line(label, VALUE_COLOR);
  series[VALUE_COLUMN.expected] = line('expected', EXPECTED_COLOR, { dash: [6, 4] });
  series[VALUE_COLUMN.lower] = line('band low', BAND_EDGE, { width: 1 });
  series[VALUE_COLUMN.upper] = line('band high', BAND_EDGE, { width: 1 });
  // Points only: a dot on each point the detector judged anomalous.
  series[VALUE_COLUMN.anomalous] = line('anomalous', ANOMALY_COLOR, { width: 0, paths: () => null, points: { show: true, size: 7, fill: ANOMALY_COLOR, stroke: ANOMALY_COLOR } });
  return {
    ...common(width, height, overlay),
    series,
    bands: [{ series: [VALUE_COLUMN.upper, VALUE_COLUMN.lower], fill: BAND_FILL }],
    hooks: { drawClear: [(u) => shadeEpisodes(u, overlay())] },
  };
}

export function scoreChartOptions({ width, height, overlay }: ExplorerChartInput): uPlot.Options {
  const base = common(width, height, overlay);
  return {
    ...base,
    series: [{}, { label: 'anomaly score', stroke: SCORE_COLOR, width: 1.5, fill: 'rgba(124, 58, 237, 0.12)', points: { show: false }, value: (_, v) => (v === null || v === undefined ? '—' : formatScore(v)) }],
    // Scores live in [0, 1]; a fixed scale keeps 0.1 looking small.
    scales: { ...base.scales, y: { range: [0, 1] } },
    axes: [AXIS_STYLE, { ...AXIS_STYLE, size: Y_AXIS_SIZE, splits: () => [0, SCORE_AT_THRESHOLD, 1] }],
    hooks: { drawClear: [(u) => shadeEpisodes(u, overlay())], draw: [drawThreshold] },
  };
}

function common(width: number, height: number, overlay: () => ExplorerOverlay): uPlot.Options {
  return {
    width,
    height,
    // Timestamps stay in epoch ms end to end, as the API sends them.
    ms: 1,
    series: [],
    // The window is the one asked for, not where data happens to exist.
    scales: { x: { time: true, range: () => [overlay().fromMs, overlay().toMs] } },
    axes: [AXIS_STYLE, { ...AXIS_STYLE, size: Y_AXIS_SIZE }],
    legend: { live: true },
    cursor: { drag: { x: false, y: false }, sync: { key: SYNC_KEY } },
  };
}

/** Shades each episode under the grid and series; an open one runs to the right edge. */
function shadeEpisodes(u: uPlot, overlay: ExplorerOverlay): void {
  const { ctx, bbox } = u;
  const rightEdge = bbox.left + bbox.width;
  ctx.save();
  for (const episode of overlay.episodes) {
    const left = Math.max(bbox.left, u.valToPos(episode.startMs, 'x', true));
    const right = episode.endMs === undefined ? rightEdge : Math.min(rightEdge, u.valToPos(episode.endMs, 'x', true));
    // At least a couple of pixels, so a one-point episode on a 24 h window stays visible.
    const shownRight = Math.max(right, left + 2);
    if (left >= rightEdge || shownRight <= bbox.left) continue;
    ctx.fillStyle = EPISODE_FILL;
    ctx.fillRect(left, bbox.top, shownRight - left, bbox.height);
    ctx.fillStyle = EPISODE_EDGE;
    ctx.fillRect(left, bbox.top, 1, bbox.height);
  }
  ctx.restore();
}

/** The detector's threshold on the score scale, dashed, so "above the line" reads as anomalous. */
function drawThreshold(u: uPlot): void {
  const { ctx, bbox } = u;
  const y = u.valToPos(SCORE_AT_THRESHOLD, 'y', true);
  ctx.save();
  ctx.strokeStyle = THRESHOLD_COLOR;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.restore();
}
