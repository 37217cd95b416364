/**
 * Alert ids that sort by creation: `alr_` + 11 hex digits of epoch ms + 9 of a random start
 * counted up within the millisecond (as ULIDs do: https://github.com/ulid/spec, "monotonicity"),
 * the same length as newId's. Random ids put each new alert's entry in the store's id index on
 * a random page, and a commit writes every page it dirtied to the WAL whole; ids that grow
 * land on the last page or two (docs/benchmarks.md, alert throughput).
 */
import { randomInt } from 'node:crypto';

const RANDOM_DIGITS = 9;
const RANDOM_SPAN = 16 ** RANDOM_DIGITS;

export class AlertIds {
  private lastMs = -1;
  private counter = 0;

  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    const ms = Math.max(this.now(), this.lastMs);
    if (ms === this.lastMs && this.counter + 1 < RANDOM_SPAN) this.counter++;
    else {
      // A random start keeps two processes starting in the same millisecond apart; half the span leaves room to count up.
      this.lastMs = ms === this.lastMs ? ms + 1 : ms;
      this.counter = randomInt(0, RANDOM_SPAN / 2);
    }
    return `alr_${this.lastMs.toString(16).padStart(11, '0')}${this.counter.toString(16).padStart(RANDOM_DIGITS, '0')}`;
  }
}
