/** Plain-words explanation of an anomalous point, e.g. "error ratio 41.2% vs usual 0.3% (z 38.1)". Pure. */
import type { PointScore } from './series-detector.js';

export function describeAnomaly(label: string, metric: string, point: PointScore): string {
  const ratio = point.expected !== 0 ? point.value / point.expected : Number.POSITIVE_INFINITY;
  const factor = Number.isFinite(ratio) && ratio >= 1.5 ? `, ${ratio.toFixed(1)}× usual` : '';
  return `${label} ${formatValue(metric, point.value)} vs usual ${formatValue(metric, point.expected)}${factor} (z ${Math.abs(point.z).toFixed(1)})`;
}

export function formatValue(metric: string, value: number): string {
  const lower = metric.toLowerCase();
  if (lower.includes('ratio') || lower.includes('utilization') || lower.includes('utilisation')) {
    return `${(value * 100).toFixed(1)}%`;
  }
  if (/latency|duration/.test(lower)) return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  if (lower.includes('rate')) return `${value.toFixed(2)}/s`;
  if (Math.abs(value) >= 1e6) return value.toExponential(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
