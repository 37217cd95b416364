/**
 * uPlot options and columns for a log pattern's count sparkline: one filled line, no axes,
 * legend or cursor, the y scale from 0 so a flat series reads as "steady", not as "zero". Pure.
 */
import type uPlot from 'uplot';
import type { TimePlotInput } from './components/time-plot.js';
import type { TimeWindow } from './explorer-query.js';

const LINE_COLOR = '#1d4ed8';
const FILL_COLOR = 'rgba(29, 78, 216, 0.14)';

/** [bucket start times, counts]; bucket i starts at fromMs + i × bucketMs. */
export function sparklineColumns(counts: readonly number[], fromMs: number, bucketMs: number): uPlot.AlignedData {
  return [counts.map((_, index) => fromMs + index * bucketMs), [...counts]];
}

/** The x window the columns span: first bucket start to last bucket start. */
export function sparklineWindow(bucketCount: number, fromMs: number, bucketMs: number): TimeWindow {
  return { fromMs, toMs: fromMs + Math.max(1, bucketCount - 1) * bucketMs };
}

export function sparklineOptions({ width, height, overlay }: TimePlotInput<TimeWindow>): uPlot.Options {
  return {
    width,
    height,
    ms: 1,
    padding: [2, 0, 1, 0],
    series: [{}, { stroke: LINE_COLOR, width: 1.25, fill: FILL_COLOR, points: { show: false } }],
    scales: {
      x: { time: true, range: () => [overlay().fromMs, overlay().toMs] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [{ show: false }, { show: false }],
    legend: { show: false },
    cursor: { show: false },
  };
}
