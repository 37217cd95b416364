/**
 * A mistake in what was given to a command (no such file, a malformed header, a bad option
 * value). main.ts prints its message without a stack trace and exits 2, the CLI's code for
 * "fix your input", distinct from a runtime failure (1).
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
