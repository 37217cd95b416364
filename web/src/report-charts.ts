/**
 * uPlot options and data for the reports page: MTTA and MTTR per week as lines (minutes), and
 * bars of a count by name (noisiest sources, pages per person). Pure.
 */
import uPlot from 'uplot';
import type { ImprovementReport } from '../../src/core/report-api.js';

const AXIS = { stroke: '#4b5563', grid: { stroke: '#eceef1' }, ticks: { stroke: '#d1d5db' } };
const MINUTE_MS = 60_000;

export interface ChartSpec {
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
}

/** Mean MTTA and MTTR per week, in minutes; a week with nothing measured leaves a gap. */
export function responseTrendChart(report: ImprovementReport, height: number): ChartSpec {
  const { weeks, overall } = report.responseTrends;
  const minutes = (ms: number | undefined) => (ms === undefined ? null : ms / MINUTE_MS);
  return {
    data: [weeks.map((w) => w.fromMs), overall.map((s) => minutes(s.mtta?.meanMs)), overall.map((s) => minutes(s.mttr?.meanMs))],
    options: (width) => ({
      width,
      height,
      ms: 1,
      series: [
        { label: 'week of' },
        { label: 'MTTA (min)', stroke: '#1d4ed8', width: 2, spanGaps: false, points: { show: true } },
        { label: 'MTTR (min)', stroke: '#b45309', width: 2, spanGaps: false, points: { show: true } },
      ],
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [AXIS, { ...AXIS, size: 56 }],
      cursor: { drag: { x: false, y: false } },
    }),
  };
}

/** One bar per name, in the given order; the x axis shows the names. */
export function barChart(names: readonly string[], bars: { label: string; values: readonly number[]; color: string }, height: number): ChartSpec {
  return {
    data: [names.map((_, i) => i), [...bars.values]],
    options: (width) => ({
      width,
      height,
      series: [
        { label: '', value: (_u, i) => (i === null ? '' : (names[i] ?? '')) },
        { label: bars.label, stroke: bars.color, fill: bars.color, paths: uPlot.paths.bars?.({ size: [0.6, 60] }), points: { show: false } },
      ],
      scales: { x: { time: false, range: () => [-0.5, names.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { ...AXIS, splits: () => names.map((_, i) => i), values: (_u, splits) => splits.map((i) => names[i] ?? '') },
        { ...AXIS, size: 48 },
      ],
      cursor: { drag: { x: false, y: false } },
    }),
  };
}
