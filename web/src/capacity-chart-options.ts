/**
 * uPlot options for a capacity forecast: the history, the forecast (dashed) with its prediction
 * band filled, the limit as a red line and the expected exhaustion as a vertical marker.
 */
import type uPlot from 'uplot';
import { CAPACITY_COLUMN } from './capacity-data.js';
import type { TimePlotInput } from './components/time-plot.js';
import { formatValue } from './format.js';

export interface CapacityOverlay {
  fromMs: number;
  toMs: number;
  limit: number;
  expectedMs: number | undefined;
}

const HISTORY_COLOR = '#1d4ed8';
const FORECAST_COLOR = '#b45309';
const BAND_EDGE = 'rgba(180, 83, 9, 0.35)';
const BAND_FILL = 'rgba(180, 83, 9, 0.12)';
const LIMIT_COLOR = '#dc2626';
const AXIS_STYLE = { stroke: '#4b5563', grid: { stroke: '#eceef1' }, ticks: { stroke: '#d1d5db' } };

const legendValue = (_: uPlot, value: number | null): string => (value === null || value === undefined ? '—' : formatValue(value));
const line = (label: string, stroke: string, extra: Partial<uPlot.Series> = {}): uPlot.Series => ({ label, stroke, width: 1.5, points: { show: false }, value: legendValue, ...extra });

export function capacityChartOptions({ width, height, overlay }: TimePlotInput<CapacityOverlay>): uPlot.Options {
  const series: uPlot.Series[] = [];
  series[0] = {};
  series[CAPACITY_COLUMN.history] = line('observed', HISTORY_COLOR);
  series[CAPACITY_COLUMN.forecast] = line('forecast', FORECAST_COLOR, { dash: [6, 4] });
  series[CAPACITY_COLUMN.lower] = line('band low', BAND_EDGE, { width: 1 });
  series[CAPACITY_COLUMN.upper] = line('band high', BAND_EDGE, { width: 1 });
  return {
    width,
    height,
    ms: 1,
    series,
    bands: [{ series: [CAPACITY_COLUMN.upper, CAPACITY_COLUMN.lower], fill: BAND_FILL }],
    scales: {
      x: { time: true, range: () => [overlay().fromMs, overlay().toMs] },
      // Always show the limit, however far below it the series runs.
      y: { range: (_u, min, max) => [Math.min(0, min), Math.max(max, overlay().limit) * 1.05] },
    },
    // Bytes run to nine digits: compact tick labels keep them inside the axis.
    axes: [AXIS_STYLE, { ...AXIS_STYLE, size: 64, values: (_u, splits) => splits.map(formatValue) }],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    hooks: { draw: [(u) => drawLimit(u, overlay())] },
  };
}

function drawLimit(u: uPlot, overlay: CapacityOverlay): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = LIMIT_COLOR;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([]);
  const y = u.valToPos(overlay.limit, 'y', true);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  if (overlay.expectedMs !== undefined) {
    const x = u.valToPos(overlay.expectedMs, 'x', true);
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}
