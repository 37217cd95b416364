/**
 * Alertmanager-style label matchers: `name="value"`, `name!="value"`, `name=~"regex"`,
 * `name!~"regex"`. Regexes are anchored at both ends, as in Alertmanager. Quotes around the
 * value are optional. Pure.
 *
 * A label may hold several values (an incident spans several services): `=` and `=~` hold
 * when any value matches, `!=` and `!~` when none does, so each negation is exactly the
 * opposite of its positive form. A missing label has the one value "".
 */

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  operator: MatchOperator;
  value: string;
  /** Set for =~ and !~. */
  regex?: RegExp;
}

export type MatchContext = Readonly<Record<string, string | readonly string[]>>;

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|([^"]*?))\s*$/;

export class MatcherSyntaxError extends Error {
  override readonly name = 'MatcherSyntaxError';
}

/** Parses one matcher; throws MatcherSyntaxError naming the text and what is wrong with it. */
export function parseMatcher(text: string): LabelMatcher {
  const match = MATCHER.exec(text);
  if (!match) throw new MatcherSyntaxError(`matcher ${JSON.stringify(text)} is not name=value, name!=value, name=~regex or name!~regex`);
  const [, name = '', operator = '=', quoted, bare] = match;
  const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
  if (operator === '=~' || operator === '!~') {
    try {
      return { name, operator, value, regex: new RegExp(`^(?:${value})$`) };
    } catch (error) {
      throw new MatcherSyntaxError(`matcher ${JSON.stringify(text)}: ${(error as Error).message}`);
    }
  }
  return { name, operator: operator as MatchOperator, value };
}

export function matches(matcher: LabelMatcher, context: MatchContext): boolean {
  const raw = context[matcher.name];
  const values: readonly string[] = raw === undefined ? [''] : typeof raw === 'string' ? [raw] : raw.length === 0 ? [''] : raw;
  const hit = (value: string) => (matcher.regex ? matcher.regex.test(value) : value === matcher.value);
  const any = values.some(hit);
  return matcher.operator === '=' || matcher.operator === '=~' ? any : !any;
}
