/**
 * From a raw message to the masked text the miner compares and caches: cut, masked, tokenised,
 * joined with single spaces. Pure.
 *
 * The built-in masks normally run as one hand-written pass (mask-scanner.ts); that is the
 * miner's hot path. The regular expressions of masks.ts are the slower path, taken when the
 * user replaces a built-in by name (the chain then runs as configured) or turns the built-ins
 * off. User masks that add to the built-ins run as regular expressions after the scanner, on
 * its output.
 */
import { MaskScanner } from './mask-scanner.js';
import { BUILTIN_MASKS, combineMasks, maskContent, type LogMask } from './masks.js';
import type { MinerSettings } from './miner-config.js';
import { tokenize } from './tokens.js';

type MaskSettings = Pick<MinerSettings, 'builtinMasks' | 'maxLineLength' | 'maxTokens'>;

export class LineMasker {
  readonly #settings: MaskSettings;
  /** The whole chain as regular expressions, when the scanner cannot stand for the built-ins. */
  readonly #chain: readonly LogMask[] | undefined;
  /** User masks run after the scanner. */
  readonly #after: readonly LogMask[];
  readonly #scanner = new MaskScanner();

  constructor(settings: MaskSettings, userMasks: readonly LogMask[]) {
    this.#settings = settings;
    const replacesBuiltin = userMasks.some((m) => BUILTIN_MASKS.some((b) => b.name === m.name));
    this.#chain = !settings.builtinMasks || replacesBuiltin ? combineMasks(settings.builtinMasks ? BUILTIN_MASKS : [], userMasks) : undefined;
    this.#after = this.#chain ? [] : userMasks;
  }

  /** The masked tokens of `message` joined by one space; '' for a blank line. */
  key(message: string): string {
    const { maxLineLength, maxTokens } = this.#settings;
    const cut = message.length > maxLineLength ? message.slice(0, maxLineLength) : message;
    if (this.#chain) return tokenize(maskContent(cut, this.#chain), maxTokens).join(' ');
    if (this.#after.length === 0) return this.#scanner.maskLine(cut, maxTokens);
    return tokenize(maskContent(this.#scanner.maskLine(cut, Number.MAX_SAFE_INTEGER), this.#after), maxTokens).join(' ');
  }
}
