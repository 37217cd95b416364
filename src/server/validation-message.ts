/**
 * Turns schema validation failures into one sentence a client can act on: which field, what
 * is wrong. Works on the issues fastify-type-provider-zod attaches to the error (zod issues
 * with `path` turned into `instancePath`).
 */
import type { FastifySchemaValidationError } from 'fastify';

const MAX_ISSUES = 5;

interface NestedIssue {
  code?: unknown;
  path?: unknown;
  message?: unknown;
  errors?: unknown;
}

export function validationMessage(issues: readonly FastifySchemaValidationError[], context: string | undefined): string {
  const root = context ?? 'request';
  const parts = issues.flatMap((issue) =>
    describeIssue(
      {
        code: issue.keyword,
        path: issue.instancePath.split('/').filter((segment) => segment !== ''),
        message: issue.message,
        errors: issue.params['errors'],
      },
      [root],
    ),
  );
  const shown = parts.slice(0, MAX_ISSUES);
  const more = parts.length > MAX_ISSUES ? `; and ${parts.length - MAX_ISSUES} more` : '';
  return shown.join('; ') + more;
}

function describeIssue(issue: NestedIssue, prefix: readonly string[]): string[] {
  const path = [...prefix, ...(Array.isArray(issue.path) ? issue.path.map(String) : [])];
  if (issue.code === 'invalid_union' && Array.isArray(issue.errors)) {
    const branch = closestBranch(issue.errors);
    if (branch) return branch.flatMap((nested) => describeIssue(nested, path));
  }
  return [`${formatPath(path)}: ${problem(issue)}`];
}

/**
 * For a union (e.g. one event or an array of events) report the branch the input was meant
 * for: the one that did not fail on the input's type as a whole.
 */
function closestBranch(branches: readonly unknown[]): NestedIssue[] | undefined {
  const candidates = branches.filter(
    (branch): branch is NestedIssue[] =>
      Array.isArray(branch) &&
      !branch.some((nested: NestedIssue) => nested.code === 'invalid_type' && Array.isArray(nested.path) && nested.path.length === 0),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

function problem(issue: NestedIssue): string {
  const message = typeof issue.message === 'string' ? issue.message : 'is invalid';
  if (issue.code === 'invalid_type' && message.endsWith('received undefined')) return 'is required';
  // zod prefixes most messages with "Invalid input: "; the path already says where.
  return message.replace(/^Invalid input: /, '');
}

/** ['body', 'alerts', '0', 'startsAt'] -> body.alerts[0].startsAt */
function formatPath(path: readonly string[]): string {
  return path.reduce((out, segment, index) => {
    if (index === 0) return segment;
    return /^\d+$/.test(segment) ? `${out}[${segment}]` : `${out}.${segment}`;
  }, '');
}
