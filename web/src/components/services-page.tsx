import { listServices } from '../api.js';
import { viewNow } from '../format.js';
import { mapHref } from '../map-query.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { TimeText } from './time-text.js';

export function ServicesPage() {
  const poll = usePoll('services', (signal) => listServices(signal));
  const services = poll.data?.services;
  const nowMs = viewNow((services ?? []).map((service) => service.lastSeenMs));
  return (
    <section>
      <div className="page-head">
        <h1>Services</h1>
        {services ? <span className="muted">{services.length} seen in telemetry</span> : null}
        <a href="#/map" data-testid="services-map-link">Show on the service map →</a>
      </div>
      {poll.error ? <Notice kind="error" title="Could not load services">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading services…" /> : null}
      {services && services.length === 0 ? (
        <Notice kind="empty" title="No services yet">Services appear once traces or metrics arrive on the OTLP endpoint.</Notice>
      ) : null}
      {services && services.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Last seen</th>
              <th>Callers</th>
              <th>Callees</th>
              <th className="num">Open incidents</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.name}>
                <td>
                  <strong>{service.name}</strong> <a className="explore-link" href={mapHref({ service: service.name })}>map</a>
                </td>
                <td>
                  <TimeText ms={service.lastSeenMs} nowMs={nowMs} />
                </td>
                <td>{service.callers.join(', ') || <span className="muted">—</span>}</td>
                <td>{service.callees.join(', ') || <span className="muted">—</span>}</td>
                <td className="num">
                  {service.openIncidents > 0 ? <span className="badge status-triggered">{service.openIncidents}</span> : <span className="muted">0</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
