import { formatMillis } from '../format.js';
import { formatRate, formatRatio } from '../map-format.js';
import type { MapStats } from '../types.js';

/** The five numeric cells every stats row of the map shares; heads in MapStatsHeads. */
export function MapStatsCells({ stats }: { stats: MapStats }) {
  return (
    <>
      <td className="num">{formatRate(stats.ratePerSec)}</td>
      <td className="num">{stats.errorRatio > 0 ? <strong className="error-text">{formatRatio(stats.errorRatio)}</strong> : '0%'}</td>
      <td className="num">{formatMillis(stats.p50Ms)}</td>
      <td className="num">{formatMillis(stats.p95Ms)}</td>
      <td className="num">{formatMillis(stats.p99Ms)}</td>
    </>
  );
}

export function MapStatsHeads() {
  return (
    <>
      <th className="num">Rate</th>
      <th className="num">Errors</th>
      <th className="num">p50</th>
      <th className="num">p95</th>
      <th className="num">p99</th>
    </>
  );
}
