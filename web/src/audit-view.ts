/** What the audit page shows of an entry: its filters and the fields a change touched. */

export const AUDIT_PAGE_SIZE = 50;

/** The query parameters of GET /api/v1/audit the page sets; empty means "any". */
export interface AuditFilters {
  actor: string;
  action: string;
  subjectId: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', subjectId: '', from: '', to: '' };

export interface FieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

/**
 * The top-level fields that differ between before and after, each as JSON; a value that is
 * not an object (or absent) is shown as one field named "(value)".
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const left = asFields(before);
  const right = asFields(after);
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return names
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }))
    .filter((change) => change.before !== change.after);
}

function asFields(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return { '(value)': value };
}

function show(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}
