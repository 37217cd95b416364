/**
 * Names of the series log signals derive, and the severity ranges they use. Shared by the
 * signal code, metric semantics and tests so the names exist once. Pure.
 */

/** Lines of one template per bucket, per service; label TEMPLATE_LABEL holds the template id. */
export const TEMPLATE_COUNT_METRIC = 'log.template.count';
/** Lines at ERROR or above per bucket, per service. */
export const ERROR_COUNT_METRIC = 'log.errors.count';
export const TEMPLATE_LABEL = 'template_id';

/** OTLP severity numbers: 17-20 ERROR, 21-24 FATAL. */
export const ERROR_SEVERITY = 17;
export const FATAL_SEVERITY = 21;

/** WARN, ERROR, FATAL … for a severity number, as people read them in logs. */
export function severityName(severityNumber: number): string {
  if (severityNumber >= FATAL_SEVERITY) return 'FATAL';
  if (severityNumber >= ERROR_SEVERITY) return 'ERROR';
  if (severityNumber >= 13) return 'WARN';
  if (severityNumber >= 9) return 'INFO';
  return severityNumber >= 1 ? 'DEBUG' : 'UNSPECIFIED';
}
