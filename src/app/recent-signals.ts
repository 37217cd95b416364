import type { Signal } from '../core/records.js';

/**
 * The latest signals received, in memory, so a silence can be previewed against what
 * actually arrived. Bounded: the oldest give way. Not durable: after a restart the preview
 * starts from what arrives next (firing alerts, which are stored, are previewed as well).
 */
export class RecentSignals {
  readonly #ring: Signal[] = [];
  #next = 0;

  constructor(private readonly capacity: number) {}

  add(signals: readonly Signal[]): void {
    for (const signal of signals) {
      if (this.#ring.length < this.capacity) this.#ring.push(signal);
      else this.#ring[this.#next] = signal;
      this.#next = (this.#next + 1) % this.capacity;
    }
  }

  /** Up to `limit` signals, newest first. */
  latest(limit: number): Signal[] {
    const ordered = [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
    return ordered.reverse().slice(0, limit);
  }
}
