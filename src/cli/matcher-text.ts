/**
 * Matchers as people type them, Alertmanager's amtool style: `service=search`,
 * `env!=dev`, `pod=~"web-.*"`, `namespace!~kube-.*`. Pure.
 */
import { InvalidArgumentError } from 'commander';
import type { Matcher } from '../core/silence-api.js';

const MATCHER = /^\s*([^=!~\s]+)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

export function parseMatcher(text: string, previous: Matcher[] = []): Matcher[] {
  const found = MATCHER.exec(text);
  if (!found?.[1] || !found[2]) {
    throw new InvalidArgumentError(`"${text}" is not a matcher; expected NAME=VALUE, NAME!=VALUE, NAME=~REGEX or NAME!~REGEX`);
  }
  const raw = found[3] ?? '';
  const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  return [...previous, { name: found[1], op: found[2] as Matcher['op'], value }];
}

export function formatMatcher(matcher: Matcher): string {
  return `${matcher.name}${matcher.op}${JSON.stringify(matcher.value)}`;
}

/** `90m`, `2h`, `1d` in milliseconds. */
export function parseDuration(text: string): number {
  const found = /^(\d+)(m|h|d)$/.exec(text.trim());
  if (!found?.[1] || !found[2]) throw new InvalidArgumentError('expected a duration such as 90m, 2h or 1d');
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[found[2] as 'm' | 'h' | 'd'];
  return Number(found[1]) * unit;
}
