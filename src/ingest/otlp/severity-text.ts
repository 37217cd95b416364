/**
 * OTLP log severity numbers and their short names (logs data model: TRACE=1…4, DEBUG=5…8,
 * INFO=9…12, WARN=13…16, ERROR=17…20, FATAL=21…24; the 2nd–4th of each range are TRACE2…).
 */

const RANGES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;

/** The text for a severity number, for records that carry only the number. */
export function severityTextFor(severityNumber: number): string {
  if (!Number.isInteger(severityNumber) || severityNumber < 1 || severityNumber > 24) return 'UNSPECIFIED';
  const range = RANGES[Math.floor((severityNumber - 1) / 4)] ?? 'UNSPECIFIED';
  const step = (severityNumber - 1) % 4;
  return step === 0 ? range : `${range}${step + 1}`;
}

/** Enum value names as OTLP/JSON emitters may spell them (SEVERITY_NUMBER_WARN2 …). */
export const SEVERITY_NUMBER_NAMES: Readonly<Record<string, number>> = Object.fromEntries([
  ['SEVERITY_NUMBER_UNSPECIFIED', 0],
  ...Array.from({ length: 24 }, (_, index) => [`SEVERITY_NUMBER_${severityTextFor(index + 1)}`, index + 1] as const),
]);
