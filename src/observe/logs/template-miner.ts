/**
 * The streaming log template miner: one instance per log source (service). Pure: messages in,
 * template ids out; no I/O and no clock (positions are line numbers, `seq`).
 *
 * Per message: cut to `maxLineLength`, mask values (masks.ts), split on whitespace, look up
 * the masked text in a cache of texts already seen, else search the prefix tree and the
 * flexible templates (find-template.ts). A match widens its template where the message differs
 * (the template keeps its id and records the change); no match creates a template whose id is
 * a hash of its first text (template-id.ts). Templates beyond `maxTemplates` are evicted least
 * recently used first, so memory is bounded whatever the stream.
 */
import type { z } from 'zod';
import { findTemplate } from './find-template.js';
import { LineMasker } from './line-masker.js';
import type { LogMask } from './masks.js';
import { DEFAULT_MINER_SETTINGS, type MinerSettings, MinerSettingsSchema } from './miner-config.js';
import {
  MINER_SNAPSHOT_VERSION,
  MinerSnapshotSchema,
  UserMaskSchema,
  type MinerSnapshot,
  type TemplateChange,
  type TemplateState,
  type UserMask,
} from './miner-snapshot.js';
import { extractParameters, parameterPattern } from './extract-parameters.js';
import { RecencyList, type RecencyLinks } from './recency-list.js';
import { TemplateIndex } from './template-index.js';
import { templateId } from './template-id.js';
import { renderTokens } from './tokens.js';

export interface MinerOptions {
  readonly settings?: Partial<MinerSettings>;
  /** Added after the built-ins; one with a built-in's name replaces it. */
  readonly masks?: readonly UserMask[];
}

export interface MineResult {
  readonly templateId: string;
  /** The template as it is after this message, `<*>` for each parameter. */
  readonly template: string;
  readonly change: 'created' | 'matched' | 'refined';
}

export interface TemplateInfo {
  readonly id: string;
  readonly template: string;
  readonly count: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly changes: readonly TemplateChange[];
}

export interface MinerStats {
  lines: number;
  empty: number;
  truncated: number;
  evicted: number;
}

interface Template extends Omit<TemplateState, 'tokens'>, RecencyLinks<Template> {
  tokens: readonly string[];
  /** `renderTokens(tokens)`, kept because every matched line returns it. */
  text: string;
}

const CACHE_LIMIT = 16_384;

export class TemplateMiner {
  readonly settings: Readonly<MinerSettings>;
  readonly stats: MinerStats = { lines: 0, empty: 0, truncated: 0, evicted: 0 };
  readonly #userMasks: z.infer<typeof UserMaskSchema>[];
  readonly #masker: LineMasker;
  readonly #templates = new Map<string, Template>();
  readonly #recency = new RecencyList<Template>();
  readonly #index = new TemplateIndex<Template>();
  /** Masked text → the template that already covers it. Never holds an evicted template. */
  readonly #cache = new Map<string, Template>();
  readonly #patterns = new Map<string, RegExp>();
  #seq = 0;

  constructor(options: MinerOptions = {}) {
    this.settings = Object.freeze(MinerSettingsSchema.parse({ ...DEFAULT_MINER_SETTINGS, ...options.settings }));
    this.#userMasks = (options.masks ?? []).map((m) => UserMaskSchema.parse(m));
    this.#masker = new LineMasker(this.settings, this.#userMasks.map(compileMask));
  }

  /** The masked tokens of a message: what the miner compares. Empty for a blank line. */
  tokens(message: string): string[] {
    const key = this.#masker.key(message);
    return key === '' ? [] : key.split(' ');
  }

  /** Learns from `message`; undefined (and counted) for a blank line. */
  add(message: string): MineResult | undefined {
    this.stats.lines++;
    if (message.length > this.settings.maxLineLength) this.stats.truncated++;
    // The masked text is the cache key: a line whose values differ but mask the same costs
    // one scan and one lookup.
    const key = this.#masker.key(message);
    if (key === '') {
      this.stats.empty++;
      return undefined;
    }
    const seq = ++this.#seq;
    const cached = this.#cache.get(key);
    if (cached) return this.#touch(cached, seq, 'matched');
    const tokens = key.split(' ');
    const found = findTemplate(this.#index, tokens, this.settings);
    let template: Template;
    let change: MineResult['change'] = 'matched';
    if (found) {
      template = found.template;
      if (found.merged !== template.tokens && renderTokens(found.merged) !== template.text) {
        this.#refine(template, found.merged, seq);
        change = 'refined';
      }
    } else {
      template = this.#create(tokens, seq);
      change = 'created';
    }
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(key, template);
    const result = this.#touch(template, seq, change);
    this.#evict();
    return result;
  }

  /** The template `message` belongs to, without learning from it. */
  match(message: string): MineResult | undefined {
    const key = this.#masker.key(message);
    if (key === '') return undefined;
    const template = this.#cache.get(key) ?? findTemplate(this.#index, key.split(' '), this.settings)?.template;
    return template ? { templateId: template.id, template: template.text, change: 'matched' } : undefined;
  }

  /** The values of `message` in the `<*>` slots of template `id`. */
  parameters(id: string, message: string): string[] | undefined {
    const template = this.#templates.get(id);
    if (!template) return undefined;
    const text = template.text;
    let pattern = this.#patterns.get(text);
    if (!pattern) {
      if (this.#patterns.size >= CACHE_LIMIT) this.#patterns.clear();
      this.#patterns.set(text, (pattern = parameterPattern(text)));
    }
    return extractParameters(pattern, message.slice(0, this.settings.maxLineLength));
  }

  template(id: string): TemplateInfo | undefined {
    const t = this.#templates.get(id);
    return t ? info(t) : undefined;
  }

  /** Every live template, most frequent first. */
  templates(): TemplateInfo[] {
    return [...this.#templates.values()].map(info).sort((a, b) => b.count - a.count || a.firstSeq - b.firstSeq);
  }

  snapshot(): MinerSnapshot {
    return {
      version: MINER_SNAPSHOT_VERSION,
      settings: { ...this.settings },
      masks: this.#userMasks.map((m) => ({ ...m })),
      seq: this.#seq,
      templates: [...this.#recency.fromOldest()].map((t) => ({
        id: t.id,
        tokens: [...t.tokens],
        count: t.count,
        firstSeq: t.firstSeq,
        lastSeq: t.lastSeq,
        changes: [...t.changes],
      })),
    };
  }

  /** A miner in the state of `snapshot`; throws a RangeError naming the problem if it is not one. */
  static restore(snapshot: unknown): TemplateMiner {
    const parsed = MinerSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RangeError(`miner snapshot rejected at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }
    const miner = new TemplateMiner({ settings: parsed.data.settings, masks: parsed.data.masks });
    miner.#seq = parsed.data.seq;
    for (const state of parsed.data.templates) {
      const template: Template = { ...state, text: renderTokens(state.tokens), older: undefined, newer: undefined };
      miner.#templates.set(template.id, template);
      miner.#recency.append(template);
      miner.#index.add(template);
    }
    return miner;
  }

  #create(tokens: readonly string[], seq: number): Template {
    const text = renderTokens(tokens);
    const id = templateId(text, (candidate) => this.#templates.has(candidate));
    const template: Template = { id, tokens, text, count: 0, firstSeq: seq, lastSeq: seq, changes: [], older: undefined, newer: undefined };
    this.#templates.set(id, template);
    this.#recency.append(template);
    this.#index.add(template);
    return template;
  }

  #refine(template: Template, merged: readonly string[], seq: number): void {
    this.#index.remove(template, template.tokens);
    const from = template.text;
    template.tokens = merged;
    template.text = renderTokens(merged);
    this.#index.add(template);
    if (this.settings.maxChanges > 0) {
      template.changes.push({ seq, from, to: template.text });
      if (template.changes.length > this.settings.maxChanges) template.changes.shift();
    }
  }

  #touch(template: Template, seq: number, change: MineResult['change']): MineResult {
    template.count++;
    template.lastSeq = seq;
    this.#recency.touch(template);
    return { templateId: template.id, template: template.text, change };
  }

  #evict(): void {
    for (let oldest = this.#recency.oldest; oldest && this.#templates.size > this.settings.maxTemplates; oldest = this.#recency.oldest) {
      this.#templates.delete(oldest.id);
      this.#recency.remove(oldest);
      this.#index.remove(oldest, oldest.tokens);
      this.#cache.clear();
      this.stats.evicted++;
    }
  }
}

function compileMask(parsed: z.infer<typeof UserMaskSchema>): LogMask {
  try {
    return { name: parsed.name, pattern: new RegExp(parsed.pattern, `${parsed.flags}g`), replacement: parsed.replacement };
  } catch (error) {
    throw new RangeError(`mask ${parsed.name}: invalid pattern ${JSON.stringify(parsed.pattern)} (${(error as Error).message})`);
  }
}

function info(t: Template): TemplateInfo {
  return {
    id: t.id,
    template: t.text,
    count: t.count,
    firstSeq: t.firstSeq,
    lastSeq: t.lastSeq,
    changes: [...t.changes],
  };
}
