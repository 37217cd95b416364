import { lazy, Suspense } from 'react';
import type { WhoAmI } from '../access-types.js';
import { useAccess, type Access } from '../use-access.js';
import { useHashRoute, type Route } from '../use-hash-route.js';
import { CapacityPage } from './capacity-page.js';
import { FindingPage } from './finding-page.js';
import { FindingsPage } from './findings-page.js';
import { CatalogPage } from './catalog-page.js';
import { EscalationPoliciesPage } from './escalation-policies-page.js';
import { AlertsPage } from './alerts-page.js';
import { IncidentPage } from './incident-page.js';
import { IncidentsPage } from './incidents-page.js';
import { LoginPage } from './login-page.js';
import { LogPatternPage } from './log-pattern-page.js';
import { LogPatternsPage } from './log-patterns-page.js';
import { LogSearchPage } from './log-search-page.js';
import { MetricsPage } from './metrics-page.js';
import { Notice } from './notice.js';
import { NotificationsPage } from './notifications-page.js';
import { OnCallPage } from './oncall-page.js';
import { ReportsPage } from './reports-page.js';
import { PasswordPage } from './password-page.js';
import { ServicesPage } from './services-page.js';
import { SetupPage } from './setup-page.js';
import { AuditPage } from './audit-page.js';
import { ExecutionPage } from './execution-page.js';
import { RunbookPage } from './runbook-page.js';
import { RunbooksPage } from './runbooks-page.js';
import { SilencesPage } from './silences-page.js';
import { TeamsPage } from './teams-page.js';
import { TokensPage } from './tokens-page.js';
import { TracePage } from './trace-page.js';
import { TracesPage } from './traces-page.js';
import { UserMenu } from './user-menu.js';
import { UsersPage } from './users-page.js';

// cytoscape is most of the UI's weight and only the map needs it: it loads on the first visit to #/map.
const ServiceMapPage = lazy(() => import('./service-map-page.js').then((module) => ({ default: module.ServiceMapPage })));

export function App() {
  const route = useHashRoute();
  const access = useAccess();
  const { state } = access;
  switch (state.kind) {
    case 'checking':
      return <Notice kind="loading" title="Connecting to opsloop…" />;
    case 'unreachable':
      return <Notice kind="error" title="Cannot reach opsloop">{state.message}</Notice>;
    case 'signed-out':
      return <SignInGate route={route} setupRequired={state.setupRequired} onSignedIn={access.signedIn} />;
    case 'off':
      return <Shell route={route} access={access} who={undefined} />;
    case 'signed-in':
      return <Shell route={route} access={access} who={state.who} />;
  }
}

/** Nothing of the platform shows before sign-in: the setup page from the console's link, else the login form. */
function SignInGate({ route, setupRequired, onSignedIn }: { route: Route; setupRequired: boolean; onSignedIn: (who: WhoAmI) => void }) {
  const signedIn = (who: WhoAmI): void => {
    onSignedIn(who);
    // Back to where the person was headed, unless that was a sign-in page itself.
    if (route.page === 'login' || route.page === 'setup') window.location.hash = '#/incidents';
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">opsloop</span>
      </header>
      <main className="content">
        {route.page === 'setup' ? <SetupPage token={route.token} onSignedIn={signedIn} /> : <LoginPage setupRequired={setupRequired} onSignedIn={signedIn} />}
      </main>
    </div>
  );
}

/** `who` is absent when sign-in is off (the demo). */
function Shell({ route, access, who }: { route: Route; access: Access; who: WhoAmI | undefined }) {
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
          <a href="#/runbooks" className={section === 'runbooks' ? 'active' : undefined}>
            Runbooks
          </a>
          <a href="#/capacity" className={section === 'capacity' ? 'active' : undefined}>
            Capacity
          </a>
          <a href="#/findings" className={section === 'findings' ? 'active' : undefined}>
            Findings
          </a>
          <a href="#/oncall" className={section === 'oncall' ? 'active' : undefined}>
            On call
          </a>
          <a href="#/reports" className={section === 'reports' ? 'active' : undefined}>
            Reports
          </a>
          <a href="#/audit" className={section === 'audit' ? 'active' : undefined}>
            Audit
          </a>
        </nav>
        <div className="topbar-end">
          {who ? (
            <UserMenu who={who} onSignOut={() => void access.signOut()} />
          ) : (
            <span className="badge sign-in-off" title="Authentication is off: anyone who reaches opsloop acts as an admin (docs/access.md)" data-testid="sign-in-off">
              sign-in off
            </span>
          )}
        </div>
      </header>
      <main className="content">{renderPage(route, who)}</main>
    </div>
  );
}

/** Which top-level nav entry a page belongs to. */
function sectionOf(route: Route): 'incidents' | 'alerts' | 'silences' | 'services' | 'catalog' | 'map' | 'metrics' | 'logs' | 'traces' | 'capacity' | 'findings' | 'oncall' | 'reports' | 'audit' | 'runbooks' {
  switch (route.page) {
    case 'oncall':
    case 'escalation-policies':
    case 'notifications':
    case 'users':
    case 'teams':
      return 'oncall';
    case 'alerts':
    case 'audit':
    case 'silences':
    case 'services':
    case 'catalog':
    case 'map':
    case 'metrics':
    case 'reports':
    case 'capacity':
      return route.page;
    case 'logs':
    case 'log-patterns':
    case 'log-pattern':
      return 'logs';
    case 'traces':
    case 'trace':
      return 'traces';
    case 'findings':
    case 'finding':
      return 'findings';
    case 'runbooks':
    case 'runbook':
    case 'runbook-execution':
      return 'runbooks';
    default:
      return 'incidents';
  }
}

function renderPage(route: Route, who: WhoAmI | undefined) {
  switch (route.page) {
    case 'login':
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
    case 'capacity':
      return <CapacityPage />;
    case 'findings':
      return <FindingsPage />;
    case 'finding':
      return <FindingPage key={route.id} id={route.id} />;
    case 'oncall':
      return <OnCallPage />;
    case 'reports':
      // Not keyed: another period refetches into the same page.
      return <ReportsPage query={route.query} />;
    case 'escalation-policies':
      return <EscalationPoliciesPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'tokens':
      return <TokensPage who={who} />;
    case 'password':
      return <PasswordPage who={who} />;
    case 'users':
      return <UsersPage who={who} />;
    case 'teams':
      return <TeamsPage />;
    case 'setup':
      return <Notice kind="empty" title="Already set up">An admin exists and you are signed in; this link is no longer needed.</Notice>;
    case 'audit':
      return <AuditPage />;
    case 'runbooks':
      return <RunbooksPage />;
    case 'runbook':
      return <RunbookPage key={route.id ?? 'new'} id={route.id} />;
    case 'runbook-execution':
      return <ExecutionPage key={route.id} id={route.id} />;
    case 'not-found':
      return <Notice kind="error" title="No such page">Nothing lives at {route.hash}. Try the Incidents page.</Notice>;
  }
}
