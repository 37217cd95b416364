/**
 * Counts items rejected during conversion and summarises why, for the OTLP partial-success
 * errorMessage. Reasons are grouped so a batch of 10 000 bad points yields one short line.
 */

const MAX_REASONS = 8;

export class Rejections {
  #count = 0;
  readonly #reasons = new Map<string, number>();

  get count(): number {
    return this.#count;
  }

  reject(reason: string): void {
    this.#count++;
    const seen = this.#reasons.get(reason);
    if (seen !== undefined) this.#reasons.set(reason, seen + 1);
    else if (this.#reasons.size < MAX_REASONS) this.#reasons.set(reason, 1);
  }

  /** e.g. `3 rejected: timeUnixNano missing or zero (2); value is not finite (1)`; '' when none. */
  message(): string {
    if (this.#count === 0) return '';
    const parts = [...this.#reasons].map(([reason, count]) => `${reason} (${count})`);
    const listed = [...this.#reasons.values()].reduce((total, count) => total + count, 0);
    if (listed < this.#count) parts.push(`other reasons (${this.#count - listed})`);
    return `${this.#count} rejected: ${parts.join('; ')}`;
  }
}
