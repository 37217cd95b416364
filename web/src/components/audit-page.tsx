import { Fragment, useState, type FormEvent } from 'react';
import { listAudit } from '../api.js';
import { AUDIT_PAGE_SIZE, fieldChanges, NO_AUDIT_FILTERS, type AuditFilters } from '../audit-view.js';
import { formatAbsolute } from '../format.js';
import type { AuditEntry } from '../types.js';
import { usePagedSearch } from '../use-paged-search.js';
import { Notice } from './notice.js';
import { PagedResults } from './paged-results.js';

const FIELDS: ReadonlyArray<{ name: keyof AuditFilters; label: string; placeholder: string }> = [
  { name: 'actor', label: 'Actor', placeholder: 'admin' },
  { name: 'action', label: 'Action', placeholder: 'incident, auth.login.failed' },
  { name: 'subjectId', label: 'Record id', placeholder: 'checkout' },
  { name: 'from', label: 'From', placeholder: '2030-01-01T00:00:00Z' },
  { name: 'to', label: 'To', placeholder: '2030-01-02T00:00:00Z' },
];

/** The audit trail: who changed what, when and from where; a row opens to its before/after diff. */
export function AuditPage() {
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [open, setOpen] = useState<number | undefined>(undefined);
  const search = usePagedSearch<AuditEntry>(JSON.stringify(filters), () => async (cursor, signal) => {
    const page = await listAudit(filters, cursor, signal);
    return { items: page.entries, ...(page.nextCursor === undefined ? {} : { next: String(page.nextCursor) }) };
  });

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <section>
      <div className="page-head">
        <h1>Audit trail</h1>
        <span className="muted small">Every change made through the API, and refused ones. Append-only.</span>
      </div>
      <form className="audit-filters" onSubmit={apply} aria-label="Audit filters">
        {FIELDS.map(({ name, label, placeholder }) => (
          <label key={name}>
            {label}{' '}
            <input name={name} value={draft[name]} placeholder={placeholder} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
          </label>
        ))}
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {search.error ? <Notice kind="error" title="Could not load the audit trail">{search.error.message}</Notice> : null}
      {search.loading ? <Notice kind="loading" title="Loading the audit trail…" /> : null}
      {!search.loading && !search.error && search.items.length === 0 ? <Notice kind="empty" title="No audit entries match" /> : null}
      {search.items.length > 0 ? (
        <PagedResults search={search} count={search.items.length} noun="entry" pageSize={AUDIT_PAGE_SIZE} className="audit-results">
          <table className="table">
            <thead>
              <tr>
                <th>When</th>
                <th>Actor</th>
                <th>Action</th>
                <th>Record</th>
                <th>What</th>
                <th>From</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {search.items.map((entry) => (
                <Fragment key={entry.id}>
                  <tr data-testid="audit-row" className="clickable" onClick={() => setOpen(open === entry.id ? undefined : entry.id)} aria-expanded={open === entry.id}>
                    <td className="small nowrap">{formatAbsolute(entry.timeMs)}</td>
                    <td>{entry.actor}</td>
                    <td className="mono">{entry.action}</td>
                    <td className="mono">
                      {entry.subjectKind} {entry.subjectId}
                    </td>
                    <td>{entry.detail}</td>
                    <td className="small">{entry.address ?? ''}</td>
                    <td>{entry.status ?? ''}</td>
                  </tr>
                  {open === entry.id ? (
                    <tr>
                      <td colSpan={7}>
                        <AuditDetail entry={entry} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </PagedResults>
      ) : null}
    </section>
  );
}

function AuditDetail({ entry }: { entry: AuditEntry }) {
  const changes = fieldChanges(entry.before, entry.after);
  return (
    <div className="audit-detail" data-testid="audit-detail">
      <p className="muted small">
        {entry.route ?? 'recorded by opsloop itself'}
        {entry.userAgent ? ` · ${entry.userAgent}` : ''}
        {entry.tokenId ? ` · token ${entry.tokenId}` : ''}
      </p>
      {changes.length === 0 ? (
        <p className="muted small">No recorded before/after.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>Field</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <td className="mono">{change.field}</td>
                <td className="mono diff-removed">{change.before ?? '—'}</td>
                <td className="mono diff-added">{change.after ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
