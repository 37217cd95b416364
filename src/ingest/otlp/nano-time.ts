/** OTLP timestamps are unsigned nanoseconds since the epoch; records use epoch milliseconds. */

const NANOS_PER_MS = 1_000_000n;

/** Whole epoch milliseconds (truncated): sub-ms precision is meaningless for event time here. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos / NANOS_PER_MS);
}

/** A nanosecond interval in fractional milliseconds (span durations). */
export function nanosToFractionalMs(nanos: bigint): number {
  return Number(nanos) / 1e6;
}

/** A nanosecond interval in fractional seconds (rate denominators). */
export function nanosToSeconds(nanos: bigint): number {
  return Number(nanos) / 1e9;
}
