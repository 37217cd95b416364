/**
 * NAB windows (pairs of timestamps from `labels/combined_windows.json`) to row ranges. Pure.
 *
 * NAB enters a window only on a row whose timestamp equals its start and leaves it on the row
 * equal to its end, so an edge that matches no row would silently drop the window (and every
 * later one in the file). We refuse such labels instead of scoring something else.
 */
import { parseNabTimestamp } from './parse-timestamp.js';
import type { WindowRange } from './types.js';

export function windowRanges(
  windows: readonly (readonly [string, string])[],
  timestampsUs: readonly number[],
  name: string,
): WindowRange[] {
  const rowOf = new Map<number, number>();
  timestampsUs.forEach((t, row) => {
    if (!rowOf.has(t)) rowOf.set(t, row);
  });
  const find = (text: string): number => {
    const row = rowOf.get(parseNabTimestamp(text));
    if (row === undefined) throw new RangeError(`${name}: window edge ${JSON.stringify(text)} matches no row of the data file`);
    return row;
  };
  const ranges = windows.map(([start, end]) => ({ left: find(start), right: find(end) })).sort((a, b) => a.left - b.left);
  ranges.forEach((range, i) => {
    const previous = ranges[i - 1];
    if (range.right < range.left || (previous && range.left <= previous.right)) {
      throw new RangeError(`${name}: window ${i + 1} is empty or overlaps the one before it`);
    }
  });
  return ranges;
}
