/**
 * Builds a string from a source with some spans replaced, left to right, without allocating
 * anything when no span is replaced (the common case for a mask pass). Pure.
 */
export class Splice {
  #source = '';
  #out = '';
  #copied = 0;
  #changed = false;

  start(source: string): void {
    this.#source = source;
    this.#out = '';
    this.#copied = 0;
    this.#changed = false;
  }

  /** Replaces [from, to) of the source; spans must come in order and not overlap. */
  replace(from: number, to: number, text: string): void {
    this.#out += this.#source.slice(this.#copied, from) + text;
    this.#copied = to;
    this.#changed = true;
  }

  /** The source with every replacement made; the source itself when there was none. */
  finish(): string {
    return this.#changed ? this.#out + this.#source.slice(this.#copied) : this.#source;
  }
}
