import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * One zod issue in words for a person editing a config file or an environment, e.g.
 * "api.port must be a number". `origin` says where the bad value came from.
 */
export function describeConfigIssue(issue: Issue, origin: (path: readonly string[]) => string | undefined): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => withOrigin(origin([...path, key]), `unknown key ${[...path, key].join('.')}`));
  }
  return [withOrigin(origin(path), `${path.join('.') || 'configuration'} ${problem(issue)}`)];
}

function withOrigin(origin: string | undefined, text: string): string {
  return origin ? `${origin}: ${text}` : text;
}

function problem(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be an integer';
      return `must be ${article(issue.expected)} ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => String(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
