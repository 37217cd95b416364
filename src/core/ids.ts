import { createHash, randomUUID } from 'node:crypto';

/** A new random id with a readable prefix, e.g. `inc_3f2a…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** A stable short hash of the given parts, used for fingerprints and deterministic ids. */
export function stableHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}
