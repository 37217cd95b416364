/**
 * Which anomaly-score threshold a series alarms at: the first sensitivity rule that matches it,
 * else the global setting (docs/configuration.md "Sensitivity"). Pure.
 *
 * The defaults need no tuning: medium is the threshold one configuration found best over the
 * whole NAB corpus (a 1 % likelihood tail, docs/benchmarks.md); low and high move it a
 * decade of likelihood either way.
 */
import type { Sensitivity, SensitivityRule } from '../../core/config.js';
import type { Labels } from '../../core/records.js';

export const NAMED_THRESHOLDS = { low: 0.75, medium: 0.5, high: 0.25 } as const;
/** Above any score: the series is scored and charted but never alarms. */
const NEVER = 2;

export interface SeriesIdentity {
  name: string;
  service: string;
  labels: Labels;
}

export function thresholdOf(sensitivity: Sensitivity): number {
  if (typeof sensitivity === 'number') return sensitivity;
  return sensitivity === 'off' ? NEVER : NAMED_THRESHOLDS[sensitivity];
}

export function sensitivityFor(series: SeriesIdentity, rules: readonly SensitivityRule[], fallback: Sensitivity): Sensitivity {
  const rule = rules.find((r) => matches(r, series));
  return rule ? rule.sensitivity : fallback;
}

function matches(rule: SensitivityRule, series: SeriesIdentity): boolean {
  if (rule.metric !== undefined && !globMatches(rule.metric, series.name)) return false;
  if (rule.service !== undefined && !globMatches(rule.service, series.service)) return false;
  for (const [key, value] of Object.entries(rule.labels ?? {})) {
    if (series.labels[key] !== value) return false;
  }
  return true;
}

function globMatches(pattern: string, text: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(text);
}
