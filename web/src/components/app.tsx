import { useHashRoute, type Route } from '../use-hash-route.js';
import { IncidentPage } from './incident-page.js';
import { IncidentsPage } from './incidents-page.js';
import { MetricsPage } from './metrics-page.js';
import { Notice } from './notice.js';
import { ServicesPage } from './services-page.js';

export function App() {
  const route = useHashRoute();
  const section = route.page === 'services' || route.page === 'metrics' ? route.page : 'incidents';
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/incidents">
          opsloop
        </a>
        <nav className="nav">
          <a href="#/incidents" className={section === 'incidents' ? 'active' : undefined}>
            Incidents
          </a>
          <a href="#/services" className={section === 'services' ? 'active' : undefined}>
            Services
          </a>
          <a href="#/metrics" className={section === 'metrics' ? 'active' : undefined}>
            Metrics
          </a>
        </nav>
      </header>
      <main className="content">{renderPage(route)}</main>
    </div>
  );
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'incidents':
      return <IncidentsPage />;
    case 'incident':
      // key: a new incident is a new page, with no state carried over from the last one.
      return <IncidentPage key={route.id} id={route.id} />;
    case 'services':
      return <ServicesPage />;
    case 'metrics':
      // Not keyed: picking another series or range keeps the picker's filters.
      return <MetricsPage query={route.query} />;
    case 'not-found':
      return <Notice kind="error" title="No such page">Nothing lives at {route.hash}. Try the Incidents page.</Notice>;
  }
}
