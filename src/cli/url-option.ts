import { InvalidArgumentError } from 'commander';

/** Where the CLI finds a running opsloop unless --url says otherwise. */
export const DEFAULT_URL = 'http://127.0.0.1:7070';

/** The --url option of commands that ask a running opsloop. */
export function parseUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Falls through to the one message below.
  }
  throw new InvalidArgumentError('expected an http:// or https:// URL such as http://127.0.0.1:7070');
}
