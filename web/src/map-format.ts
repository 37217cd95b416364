/** Words and colours of the service map, shared by the canvas, its legend and its tables. Pure. */
import { formatMillis } from './format.js';
import type { HealthState, MapNode, MapStats } from './types.js';

/** One colour per health state; the legend and the canvas read the same table. */
export const HEALTH_COLOURS: Record<HealthState, string> = { ok: '#2f9e44', degraded: '#e8590c', failing: '#c92a2a' };

export const HEALTH_LABELS: Record<HealthState, string> = {
  ok: 'OK: no firing alert, no open incident',
  degraded: 'Degraded: a warning firing, or part of an open incident',
  failing: 'Failing: an error alert firing, or ranked first cause of an open incident',
};

export type NodeHealthView = MapNode['health'];

/** Cytoscape node shapes per kind, and the words for them. */
export const KIND_SHAPES: Record<MapNode['kind'], { shape: 'round-rectangle' | 'barrel' | 'rhomboid' | 'hexagon'; label: string }> = {
  service: { shape: 'round-rectangle', label: 'Service (sends its own spans)' },
  database: { shape: 'barrel', label: 'Database (seen in its callers’ spans)' },
  queue: { shape: 'rhomboid', label: 'Queue or topic' },
  external: { shape: 'hexagon', label: 'External system' },
};

export function formatRate(perSec: number): string {
  if (perSec === 0) return '0/s';
  if (perSec < 0.1) return `${Number((perSec * 60).toPrecision(2))}/min`;
  return `${Number(perSec.toPrecision(3))}/s`;
}

export function formatRatio(ratio: number): string {
  if (ratio === 0) return '0%';
  return `${Number((ratio * 100).toPrecision(2))}%`;
}

/** The edge label: rate and p95, what an operator reads first off a call. */
export function edgeLabel(stats: MapStats): string {
  return `${formatRate(stats.ratePerSec)} · p95 ${formatMillis(stats.p95Ms)}`;
}
