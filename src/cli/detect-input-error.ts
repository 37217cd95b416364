/**
 * A mistake in what was given to `opsloop detect` (no such file, a header without the needed
 * columns, an empty file). The command prints its message without a stack trace and exits 2,
 * the CLI's code for "fix your input", distinct from a runtime failure (1).
 */
export class DetectInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectInputError';
  }
}
