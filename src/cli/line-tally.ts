/**
 * How many lines of one kind a command met (skipped rows, unmatched headers), with the first
 * few line numbers so that a summary can point into the file. Bounded memory whatever the
 * count: only the first `keep` numbers are kept.
 */
export class LineTally {
  count = 0;
  readonly #first: number[] = [];

  constructor(private readonly keep = 5) {}

  add(line: number): void {
    this.count += 1;
    if (this.#first.length < this.keep) this.#first.push(line);
  }

  /** `line 32, 43, …`, the ellipsis when more lines were counted than kept. */
  lines(): string {
    return `line ${this.#first.join(', ')}${this.count > this.#first.length ? ', …' : ''}`;
  }
}
