/**
 * The attribute keys a decoder builds values for, matched against a KeyValue's key bytes
 * without decoding them. A span has 10–20 attributes and the ingest path reads two or three:
 * decoding each key (or hashing its bytes, to intern it) only to find it unwanted was the
 * largest part of reading a span's attributes. Keys are grouped by UTF-8 length, so most
 * unwanted keys are refused after a length lookup and a byte or two.
 */
interface WantedKey {
  bytes: Uint8Array;
  text: string;
}

export class WantedKeys {
  readonly #byLength: (WantedKey[] | undefined)[] = [];
  /** Whether '' is wanted: a KeyValue that sends no key has that key (protobuf's default). */
  readonly wantsEmptyKey: boolean;

  constructor(keys: Iterable<string>) {
    const encoder = new TextEncoder();
    const distinct = new Set(keys);
    this.wantsEmptyKey = distinct.has('');
    for (const text of distinct) {
      const bytes = encoder.encode(text);
      (this.#byLength[bytes.length] ??= []).push({ bytes, text });
    }
  }

  /** The wanted key whose UTF-8 bytes are bytes[start, end), or undefined. */
  match(bytes: Uint8Array, start: number, end: number): string | undefined {
    const candidates = this.#byLength[end - start];
    if (candidates === undefined) return undefined;
    for (const candidate of candidates) {
      const wanted = candidate.bytes;
      let i = 0;
      while (i < wanted.length && wanted[i] === bytes[start + i]) i++;
      if (i === wanted.length) return candidate.text;
    }
    return undefined;
  }
}

const built = new WeakMap<ReadonlySet<string>, WantedKeys>();

/** WantedKeys for a set of keys, built once per set (decoders get the same set for every body). */
export function wantedKeysOf(keys: ReadonlySet<string>): WantedKeys {
  let wanted = built.get(keys);
  if (wanted === undefined) {
    wanted = new WantedKeys(keys);
    built.set(keys, wanted);
  }
  return wanted;
}
