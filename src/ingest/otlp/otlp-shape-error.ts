/**
 * A payload that does not have the OTLP shape (a list that is not a list, an int64 that is
 * not a number). Carries the field path so the 400 reply can say exactly where; the walkers
 * prefix the path on the way out instead of building path strings for every field read.
 */
export class OtlpShapeError extends Error {
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'OtlpShapeError';
    this.path = path;
    this.problem = problem;
  }

  /** The same error seen from one level up, e.g. `spans[3]` + `.kind`. */
  within(prefix: string): OtlpShapeError {
    const path = this.path.startsWith('[') ? `${prefix}${this.path}` : `${prefix}.${this.path}`;
    return new OtlpShapeError(path, this.problem);
  }
}

/** Runs `read` and re-throws a shape error with `prefix` in front of its path. */
export function within<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OtlpShapeError) throw error.within(prefix);
    throw error;
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
