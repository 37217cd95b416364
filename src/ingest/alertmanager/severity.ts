import type { Severity } from '../../core/records.js';

/**
 * Severity label values seen in the wild (Prometheus rules, PagerDuty, Zabbix, Opsgenie
 * priorities) mapped onto ours. A map rather than a switch: a new synonym is one entry.
 */
const SYNONYMS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  crit: 'critical',
  page: 'critical',
  paging: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  fatal: 'critical',
  disaster: 'critical',
  p1: 'critical',
  sev1: 'critical',
  error: 'error',
  err: 'error',
  high: 'error',
  major: 'error',
  p2: 'error',
  sev2: 'error',
  warning: 'warning',
  warn: 'warning',
  medium: 'warning',
  moderate: 'warning',
  average: 'warning',
  minor: 'warning',
  p3: 'warning',
  sev3: 'warning',
  info: 'info',
  informational: 'info',
  information: 'info',
  notice: 'info',
  low: 'info',
  none: 'info',
  debug: 'info',
  p4: 'info',
  p5: 'info',
  sev4: 'info',
  sev5: 'info',
};

/** An alert without a recognisable severity is treated as a warning: worth a look, not a page. */
export const DEFAULT_SEVERITY: Severity = 'warning';

export function severityFromLabel(value: string | undefined): Severity {
  if (value === undefined) return DEFAULT_SEVERITY;
  return SYNONYMS[value.trim().toLowerCase()] ?? DEFAULT_SEVERITY;
}
