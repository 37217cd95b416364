/**
 * The options every command that talks to a running opsloop shares: where it is (--url) and
 * the API token it acts with (--token, else OPSLOOP_TOKEN; docs/access.md#tokens).
 */
import { Option, type Command } from 'commander';
import { DEFAULT_URL, parseUrl } from './api-url.js';

export interface ServerOptions {
  url: string;
  /** Sent as "Authorization: Bearer"; absent when opsloop runs with sign-in off. */
  token?: string;
}

export const TOKEN_ENV = 'OPSLOOP_TOKEN';

export function addServerOptions(command: Command): Command {
  return command
    .option('--url <url>', 'where opsloop serves its API', parseUrl, DEFAULT_URL)
    .addOption(new Option('--token <token>', `API token to act with (prefer ${TOKEN_ENV}: a flag shows in the process list)`).env(TOKEN_ENV));
}
