import type uPlot from 'uplot';

/** What the chart overlays on the data; read at draw time so changes need only a redraw. */
export interface ChartOverlay {
  fromMs: number;
  toMs: number;
  /** The incident window; `endMs` undefined means still open, shaded to the right edge. */
  shadeStartMs: number;
  shadeEndMs: number | undefined;
}

const SERIES_COLOR = '#1d4ed8';
const EXPECTED_COLOR = '#b45309';
const SHADE_FILL = 'rgba(220, 38, 38, 0.08)';
const SHADE_EDGE = 'rgba(220, 38, 38, 0.55)';

export function chartOptions(options: {
  width: number;
  height: number;
  label: string;
  withExpected: boolean;
  overlay: () => ChartOverlay;
}): uPlot.Options {
  const series: uPlot.Series[] = [{}, { label: options.label, stroke: SERIES_COLOR, width: 1.5, fill: 'rgba(29, 78, 216, 0.06)', points: { show: false } }];
  if (options.withExpected) {
    series.push({ label: 'expected', stroke: EXPECTED_COLOR, width: 1.5, dash: [6, 4], points: { show: false } });
  }
  return {
    width: options.width,
    height: options.height,
    // Timestamps stay in epoch ms end to end, as the API sends them.
    ms: 1,
    series,
    scales: {
      // The window is fixed by the incident, not by where data happens to exist.
      x: { time: true, range: () => [options.overlay().fromMs, options.overlay().toMs] },
    },
    axes: [
      { stroke: '#4b5563', grid: { stroke: '#eceef1' }, ticks: { stroke: '#d1d5db' } },
      { stroke: '#4b5563', grid: { stroke: '#eceef1' }, ticks: { stroke: '#d1d5db' }, size: 56 },
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    hooks: { drawClear: [(u) => shadeIncident(u, options.overlay())] },
  };
}

/** Shades the incident window under the grid and series, with edges marking start and end. */
function shadeIncident(u: uPlot, overlay: ChartOverlay): void {
  const { ctx, bbox } = u;
  const left = Math.max(bbox.left, u.valToPos(overlay.shadeStartMs, 'x', true));
  const right = overlay.shadeEndMs === undefined ? bbox.left + bbox.width : Math.min(bbox.left + bbox.width, u.valToPos(overlay.shadeEndMs, 'x', true));
  if (!(right > left)) return;
  ctx.save();
  ctx.fillStyle = SHADE_FILL;
  ctx.fillRect(left, bbox.top, right - left, bbox.height);
  ctx.strokeStyle = SHADE_EDGE;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(left, bbox.top);
  ctx.lineTo(left, bbox.top + bbox.height);
  if (overlay.shadeEndMs !== undefined) {
    ctx.moveTo(right, bbox.top);
    ctx.lineTo(right, bbox.top + bbox.height);
  }
  ctx.stroke();
  ctx.restore();
}
