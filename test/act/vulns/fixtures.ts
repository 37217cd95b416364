/** Reads the scanner report fixtures of test/fixtures/findings (see its README for their sources). */
import { readFileSync } from 'node:fs';

export const FIXTURES = new URL('../../fixtures/findings/', import.meta.url);

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as unknown;
}
