/**
 * Builds a masked line: tokens joined by one space, at most `maxTokens` of them. Tokens the
 * masks left alone are copied from the source in as few slices as possible (a run of them
 * separated by single spaces is one slice), so a line of words costs one substring.
 */
import { FLEX } from './tokens.js';

export class MaskedLine {
  #source = '';
  #maxTokens = 0;
  #out = '';
  /** source[#copied, #pending) is due in the result as it is; -1: nothing due. */
  #copied = -1;
  #pending = 0;
  #count = 0;
  /** Where the last token starts in the result. */
  #lastAt = 0;
  #capped = false;

  start(source: string, maxTokens: number): void {
    this.#source = source;
    this.#maxTokens = maxTokens;
    this.#out = '';
    this.#copied = -1;
    this.#pending = 0;
    this.#count = 0;
    this.#lastAt = 0;
    this.#capped = false;
  }

  /** False once a token beyond `maxTokens` came: the line is complete. */
  get open(): boolean {
    return !this.#capped;
  }

  /** Appends source[from, to) as it is. */
  keep(from: number, to: number): void {
    if (!this.#room()) return;
    this.#lastAt = this.#length() + (this.#count === 0 ? 0 : 1);
    if (this.#copied >= 0 && this.#pending === from - 1 && this.#source.charCodeAt(this.#pending) === 32) {
      this.#pending = to;
    } else {
      this.#flush();
      if (this.#count > 0) this.#out += ' ';
      this.#copied = from;
      this.#pending = to;
    }
    this.#count++;
  }

  /** Appends a masked token (several if it holds spaces). */
  put(token: string): void {
    if (token.includes(' ')) {
      for (const part of token.split(' ')) this.#put(part);
    } else this.#put(token);
  }

  finish(): string {
    this.#flush();
    return this.#out;
  }

  #put(token: string): void {
    if (!this.#room()) return;
    this.#flush();
    if (this.#count > 0) this.#out += ' ';
    this.#lastAt = this.#out.length;
    this.#out += token;
    this.#count++;
  }

  /** At the cap, a further token turns the last one into the flexible tail (as tokens.ts does). */
  #room(): boolean {
    if (this.#capped) return false;
    if (this.#count < this.#maxTokens) return true;
    this.#flush();
    this.#out = this.#out.slice(0, this.#lastAt) + FLEX;
    this.#capped = true;
    return false;
  }

  #length(): number {
    return this.#out.length + (this.#copied >= 0 ? this.#pending - this.#copied : 0);
  }

  #flush(): void {
    if (this.#copied < 0) return;
    this.#out += this.#source.slice(this.#copied, this.#pending);
    this.#copied = -1;
  }
}
