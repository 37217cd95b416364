import { useState } from 'react';
import { getCatalog, putCatalogEntry } from '../api.js';
import { mapHref } from '../map-query.js';
import type { CatalogService } from '../types.js';
import { useAction } from '../use-action.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/** The service catalog: discovered services with owner, tier, runbooks, repository and dependencies. */
export function CatalogPage() {
  const poll = usePoll('catalog', (signal) => getCatalog(signal), { intervalMs: 10_000 });
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const services = poll.data?.services;
  return (
    <section>
      <div className="page-head">
        <h1>Service catalog</h1>
        {services ? <span className="muted">{services.length} services</span> : null}
      </div>
      {poll.error ? <Notice kind="error" title="Could not load the catalog">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading the catalog…" /> : null}
      {services && services.length === 0 ? <Notice kind="empty" title="No services yet">Services appear once telemetry arrives, or when declared in the configuration's catalog.</Notice> : null}
      {services && services.length > 0 ? (
        <table className="table" data-testid="catalog-table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Owner team</th>
              <th className="num">Tier</th>
              <th>Depends on</th>
              <th>Used by</th>
              <th>Runbooks</th>
              <th>Repository</th>
              <th className="num">Open incidents</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {services.map((service) =>
              editing === service.service ? (
                <tr key={service.service}>
                  <td colSpan={9}>
                    <CatalogEditor
                      service={service}
                      onDone={() => {
                        setEditing(undefined);
                        poll.refresh();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <CatalogRow key={service.service} service={service} onEdit={() => setEditing(service.service)} />
              ),
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function CatalogRow({ service, onEdit }: { service: CatalogService; onEdit: () => void }) {
  const none = <span className="muted">—</span>;
  return (
    <tr>
      <td>
        <strong>{service.service}</strong> {service.discovered ? <a className="explore-link" href={mapHref({ service: service.service })}>map</a> : <span className="chip">declared</span>}
        {service.description ? <div className="muted small">{service.description}</div> : null}
      </td>
      <td>{service.ownerTeam ?? none}</td>
      <td className="num">{service.tier ?? none}</td>
      <td>{service.dependencies.join(', ') || none}</td>
      <td>{service.dependents.join(', ') || none}</td>
      <td>
        {service.runbooks.length === 0
          ? none
          : service.runbooks.map((runbook) => (
              <div key={runbook.url}>
                <a href={runbook.url} target="_blank" rel="noreferrer">
                  {runbook.title}
                </a>
              </div>
            ))}
      </td>
      <td>
        {service.repository ? (
          <a href={service.repository} target="_blank" rel="noreferrer">
            {service.repository.replace(/^https?:\/\//, '')}
          </a>
        ) : (
          none
        )}
      </td>
      <td className="num">{service.openIncidents > 0 ? <span className="badge status-triggered">{service.openIncidents}</span> : <span className="muted">0</span>}</td>
      <td>
        <button className="link-button" onClick={onEdit}>
          edit
        </button>
      </td>
    </tr>
  );
}

/** Runbooks are edited as lines of `title | url`. */
function CatalogEditor({ service, onDone }: { service: CatalogService; onDone: () => void }) {
  const [ownerTeam, setOwnerTeam] = useState(service.ownerTeam ?? '');
  const [tier, setTier] = useState(service.tier === undefined ? '' : String(service.tier));
  const [description, setDescription] = useState(service.description ?? '');
  const [repository, setRepository] = useState(service.repository ?? '');
  const [runbooks, setRunbooks] = useState(service.runbooks.map((r) => `${r.title} | ${r.url}`).join('\n'));
  const action = useAction(onDone);
  const save = (): Promise<unknown> =>
    putCatalogEntry(service.service, {
      ...(ownerTeam.trim() ? { ownerTeam: ownerTeam.trim() } : {}),
      ...(tier ? { tier: Number(tier) } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(repository.trim() ? { repository: repository.trim() } : {}),
      runbooks: runbooks
        .split('\n')
        .map((line) => line.split('|').map((part) => part.trim()))
        .filter((parts) => parts.some((part) => part !== ''))
        .map(([title = '', url = '']) => ({ title: title || url, url })),
    });
  return (
    <form
      className="field-form"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(save);
      }}
    >
      <div className="field-row">
        <label>
          Owner team
          <input value={ownerTeam} onChange={(e) => setOwnerTeam(e.target.value)} />
        </label>
        <label>
          Tier
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">—</option>
            {[1, 2, 3, 4].map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="grow">
          Repository
          <input value={repository} onChange={(e) => setRepository(e.target.value)} placeholder="https://…" />
        </label>
      </div>
      <div className="field-row">
        <label className="grow">
          Description
          <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="grow">
          Runbooks (one per line: title | https://…)
          <textarea rows={2} value={runbooks} onChange={(e) => setRunbooks(e.target.value)} />
        </label>
      </div>
      <div className="actions">
        <button className="button primary" type="submit" disabled={action.pending}>
          Save
        </button>
        <button className="button" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </form>
  );
}
