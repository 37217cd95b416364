/**
 * Plain-words explanation of an anomalous point, e.g. "p95 latency 412 ms, 3.2× its usual
 * 128 ms for Tuesday 14:00 UTC (score 0.97)". Pure.
 */
import type { PointScore } from './series-detector.js';

export function describeAnomaly(label: string, metric: string, point: PointScore, phase?: string): string {
  const usual = `usual ${formatValue(metric, point.expected)}${phase ? ` for ${phase}` : ''}`;
  const ratio = point.expected > 0 && point.value > 0 ? point.value / point.expected : Number.NaN;
  const comparison =
    ratio >= 1.5 ? `${ratio.toFixed(1)}× its ${usual}` : ratio > 0 && ratio <= 1 / 1.5 ? `${(1 / ratio).toFixed(1)}× below its ${usual}` : `vs ${usual}`;
  return `${label} ${formatValue(metric, point.value)}, ${comparison} (score ${point.score.toFixed(2)}, ${Math.abs(point.z).toFixed(1)} scales off)`;
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
