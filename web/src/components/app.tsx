import { lazy, Suspense } from 'react';
import { useHashRoute, type Route } from '../use-hash-route.js';
import { CatalogPage } from './catalog-page.js';
import { EscalationPoliciesPage } from './escalation-policies-page.js';
import { AlertsPage } from './alerts-page.js';
import { IncidentPage } from './incident-page.js';
import { IncidentsPage } from './incidents-page.js';
import { LogPatternPage } from './log-pattern-page.js';
import { LogPatternsPage } from './log-patterns-page.js';
import { LogSearchPage } from './log-search-page.js';
import { MetricsPage } from './metrics-page.js';
import { Notice } from './notice.js';
import { NotificationsPage } from './notifications-page.js';
import { OnCallPage } from './oncall-page.js';
import { ServicesPage } from './services-page.js';
import { AuditPage } from './audit-page.js';
import { SilencesPage } from './silences-page.js';
import { TracePage } from './trace-page.js';
import { TracesPage } from './traces-page.js';

// cytoscape is most of the UI's weight and only the map needs it: it loads on the first visit to #/map.
const ServiceMapPage = lazy(() => import('./service-map-page.js').then((module) => ({ default: module.ServiceMapPage })));

export function App() {
  const route = useHashRoute();
  const section = sectionOf(route);
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
          <a href="#/alerts" className={section === 'alerts' ? 'active' : undefined}>
            Alerts
          </a>
          <a href="#/silences" className={section === 'silences' ? 'active' : undefined}>
            Silences
          </a>
          <a href="#/services" className={section === 'services' ? 'active' : undefined}>
            Services
          </a>
          <a href="#/catalog" className={section === 'catalog' ? 'active' : undefined}>
            Catalog
          </a>
          <a href="#/map" className={section === 'map' ? 'active' : undefined}>
            Map
          </a>
          <a href="#/metrics" className={section === 'metrics' ? 'active' : undefined}>
            Metrics
          </a>
          <a href="#/logs" className={section === 'logs' ? 'active' : undefined}>
            Logs
          </a>
          <a href="#/traces" className={section === 'traces' ? 'active' : undefined}>
            Traces
          </a>
          <a href="#/oncall" className={section === 'oncall' ? 'active' : undefined}>
            On call
          </a>
          <a href="#/audit" className={section === 'audit' ? 'active' : undefined}>
            Audit
          </a>
        </nav>
      </header>
      <main className="content">{renderPage(route)}</main>
    </div>
  );
}

/** Which top-level nav entry a page belongs to. */
function sectionOf(route: Route): 'incidents' | 'alerts' | 'silences' | 'services' | 'catalog' | 'map' | 'metrics' | 'logs' | 'traces' | 'oncall' | 'audit' {
  switch (route.page) {
    case 'oncall':
    case 'escalation-policies':
    case 'notifications':
      return 'oncall';
    case 'alerts':
    case 'audit':
    case 'silences':
    case 'services':
    case 'catalog':
    case 'map':
    case 'metrics':
      return route.page;
    case 'logs':
    case 'log-patterns':
    case 'log-pattern':
      return 'logs';
    case 'traces':
    case 'trace':
      return 'traces';
    default:
      return 'incidents';
  }
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'incidents':
      return <IncidentsPage />;
    case 'incident':
      // key: a new incident is a new page, with no state carried over from the last one.
      return <IncidentPage key={route.id} id={route.id} />;
    case 'alerts':
      return <AlertsPage />;
    case 'silences':
      return <SilencesPage />;
    case 'services':
      return <ServicesPage />;
    case 'catalog':
      return <CatalogPage />;
    case 'map':
      // Not keyed: a new selection or highlight redraws the same canvas rather than a new one.
      return (
        <Suspense fallback={<Notice kind="loading" title="Loading the service map…" />}>
          <ServiceMapPage query={route.query} />
        </Suspense>
      );
    case 'metrics':
      // Not keyed: picking another series or range keeps the picker's filters.
      return <MetricsPage query={route.query} />;
    case 'logs':
      // Not keyed: the services list survives a new search; the form is keyed by the URL inside.
      return <LogSearchPage query={route.query} />;
    case 'log-patterns':
      return <LogPatternsPage query={route.query} />;
    case 'log-pattern':
      return <LogPatternPage key={`${route.templateId}/${route.query.service ?? ''}`} templateId={route.templateId} query={route.query} />;
    case 'traces':
      // Not keyed, like log search: the services list survives a new search.
      return <TracesPage query={route.query} />;
    case 'trace':
      // Keyed by trace only: picking another span keeps the loaded trace.
      return <TracePage key={route.traceId} traceId={route.traceId} spanId={route.spanId} />;
    case 'oncall':
      return <OnCallPage />;
    case 'escalation-policies':
      return <EscalationPoliciesPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'audit':
      return <AuditPage />;
    case 'not-found':
      return <Notice kind="error" title="No such page">Nothing lives at {route.hash}. Try the Incidents page.</Notice>;
  }
}
