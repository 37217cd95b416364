import { useMemo } from 'react';
import { formatDuration } from '../format.js';
import { sparklineColumns, sparklineOptions, sparklineWindow } from '../sparkline-options.js';
import { TimePlot } from './time-plot.js';

interface Props {
  /** Logs per bucket, oldest first. */
  counts: readonly number[];
  fromMs: number;
  bucketMs: number;
  height?: number;
  /** Fills its container (the pattern detail) instead of the fixed table-cell width. */
  wide?: boolean;
}

/** A pattern's count over time, small enough for a table row. */
export function Sparkline({ counts, fromMs, bucketMs, height = 28, wide = false }: Props) {
  const data = useMemo(() => sparklineColumns(counts, fromMs, bucketMs), [counts, fromMs, bucketMs]);
  const overlay = useMemo(() => sparklineWindow(counts.length, fromMs, bucketMs), [counts.length, fromMs, bucketMs]);
  const peak = counts.reduce((max, count) => Math.max(max, count), 0);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const summary = `${total} logs in the window, at most ${peak} per ${formatDuration(bucketMs)}`;
  return (
    <div role="img" aria-label={summary} title={summary} className={wide ? 'sparkline-frame wide' : 'sparkline-frame'}>
      <TimePlot build={sparklineOptions} shape="sparkline" data={data} overlay={overlay} height={height} minWidth={wide ? 320 : 80} className="sparkline" testId="sparkline" />
    </div>
  );
}
