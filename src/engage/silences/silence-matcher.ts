/**
 * Which silences mute an alert, with Alertmanager's matcher semantics (its docs,
 * "Configuration: <matcher>"): `=` / `!=` compare text, `=~` / `!~` use a regular expression
 * anchored at both ends, and a label the alert lacks has the value "". Names that are alert
 * fields (service, name, source, severity, instance) match the field, others a label.
 * Pure: the time to judge at is passed in.
 */
import type { Alert, Labels } from '../../core/records.js';
import { ALERT_FIELD_NAMES, type Matcher, type Silence, type SilenceState } from '../../core/silence-api.js';

/** What a matcher can see: an alert, or a signal not folded yet. */
export type Matchable = Pick<Alert, 'name' | 'source' | 'severity' | 'service' | 'instance'> & { labels: Labels };

export interface CompiledSilence {
  silence: Silence;
  test: (subject: Matchable) => boolean;
}

const FIELDS: ReadonlySet<string> = new Set(ALERT_FIELD_NAMES);

/** Throws a SyntaxError naming the matcher when a regex does not compile. */
export function compileSilence(silence: Silence): CompiledSilence {
  const tests = silence.matchers.map(compileMatcher);
  return { silence, test: (subject) => tests.every((test) => test(subject)) };
}

export function compileMatcher(matcher: Matcher): (subject: Matchable) => boolean {
  const test = compileValueTest(matcher);
  if (FIELDS.has(matcher.name)) {
    const field = matcher.name as (typeof ALERT_FIELD_NAMES)[number];
    return (subject) => test(subject[field] ?? '');
  }
  return (subject) => test(subject.labels[matcher.name] ?? '');
}

function compileValueTest(matcher: Matcher): (value: string) => boolean {
  switch (matcher.op) {
    case '=':
      return (value) => value === matcher.value;
    case '!=':
      return (value) => value !== matcher.value;
    case '=~':
    case '!~': {
      const regex = anchored(matcher);
      const wanted = matcher.op === '=~';
      return (value) => regex.test(value) === wanted;
    }
  }
}

function anchored(matcher: Matcher): RegExp {
  try {
    return new RegExp(`^(?:${matcher.value})$`, 'u');
  } catch (error) {
    throw new SyntaxError(`matcher ${matcher.name}${matcher.op}"${matcher.value}": not a valid regular expression (${(error as Error).message})`);
  }
}

/** Alertmanager refuses silences whose every matcher matches "": they would mute everything. */
export function mutesEverything(matchers: readonly Matcher[]): boolean {
  return matchers.every((matcher) => compileValueTest(matcher)(''));
}

export function silenceState(silence: Silence, nowMs: number): SilenceState {
  if (nowMs >= silence.endsMs) return 'expired';
  return nowMs < silence.startsMs ? 'pending' : 'active';
}

/** Ids of the silences active at `timeMs` that match, in the order given. */
export function mutingSilences(subject: Matchable, timeMs: number, silences: readonly CompiledSilence[]): string[] {
  const ids: string[] = [];
  for (const { silence, test } of silences) {
    if (silenceState(silence, timeMs) === 'active' && test(subject)) ids.push(silence.id);
  }
  return ids;
}
