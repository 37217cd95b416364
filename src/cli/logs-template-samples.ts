/**
 * What `opsloop logs mine` reports per template beyond the miner's own counts: the first and
 * last line numbers in the file (the miner counts only the lines it mined, not blank ones) and
 * the first message, as an example. Bounded like the miner: entries of templates the miner has
 * evicted are dropped once there are twice as many entries as the miner may hold, and an
 * example is cut to EXAMPLE_CHARS.
 */
import type { MineResult } from '../observe/logs/index.js';

export interface TemplateSample {
  firstLine: number;
  lastLine: number;
  example: string;
}

/** Enough to see a message whole in practice, small enough for 10,000 templates. */
export const EXAMPLE_CHARS = 1000;

export class TemplateSamples {
  readonly #byId = new Map<string, TemplateSample>();

  /**
   * @param maxTemplates the miner's `maxTemplates`
   * @param isLive whether the miner still holds a template
   */
  constructor(
    private readonly maxTemplates: number,
    private readonly isLive: (id: string) => boolean,
  ) {}

  record(result: MineResult, line: number, message: string): void {
    const sample = this.#byId.get(result.templateId);
    // A created template may reuse the id of an evicted one: it starts again from this line.
    if (sample && result.change !== 'created') {
      sample.lastLine = line;
      return;
    }
    this.#byId.set(result.templateId, { firstLine: line, lastLine: line, example: message.slice(0, EXAMPLE_CHARS) });
    if (this.#byId.size > 2 * this.maxTemplates) this.#dropEvicted();
  }

  get(id: string): TemplateSample | undefined {
    return this.#byId.get(id);
  }

  #dropEvicted(): void {
    for (const id of this.#byId.keys()) if (!this.isLive(id)) this.#byId.delete(id);
  }
}
