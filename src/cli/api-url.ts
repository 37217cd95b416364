import { InvalidArgumentError } from 'commander';

/** Where a local opsloop serves its API by default (config api.host and api.port). */
export const DEFAULT_URL = 'http://127.0.0.1:7070';

/** Commander parser for --url: an http(s) URL, or a usage error saying what is expected. */
export function parseUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Falls through to the one message below.
  }
  throw new InvalidArgumentError('expected an http:// or https:// URL such as http://127.0.0.1:7070');
}
