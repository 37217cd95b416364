/**
 * The HTTP API (port 7070): JSON routes under /api/v1 described by OpenAPI 3.1, the alert and
 * event receivers, health, self-metrics and the built UI. Routes reach the loop only through
 * the Engine interface.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Engine } from '../app/engine.js';
import type { Config } from '../core/config.js';
import { OpsError } from '../core/errors.js';
import { installAuditTrail } from './audit-trail.js';
import { installAccessControl, SECURITY_SCHEMES, type AccessControl } from './auth/access-control.js';
import { Authenticator } from './auth/authenticator.js';
import { secretDigest } from './auth/secrets.js';
import { installTeamScopeGuard, TeamScope } from './auth/team-scope.js';
import { installErrorReplies } from './error-replies.js';
import { installJsonBodyParser } from './json-body.js';
import { LOG_REDACT_PATHS } from './log-redaction.js';
import { registerSecurityHeaders } from './security-headers.js';
import { installWebhookSignatures } from './webhook-signature.js';
import type { RouteOptions } from './route-options.js';
import { alertRoutes } from './routes/alerts.js';
import { authRoutes } from './routes/auth.js';
import { tokenRoutes } from './routes/tokens.js';
import { auditRoutes } from './routes/audit.js';
import { alertmanagerRoutes } from './routes/alertmanager.js';
import { changeRoutes } from './routes/changes.js';
import { demoRoutes } from './routes/demo.js';
import { runbookRecommendationRoutes } from './routes/runbook-recommendations.js';
import { eventRoutes } from './routes/events.js';
import { forecastRoutes } from './routes/forecast.js';
import { capacityRoutes } from './routes/capacity.js';
import { findingRemediationRoutes } from './routes/finding-remediation.js';
import { findingsRoutes } from './routes/findings.js';
import { grafanaRoutes } from './routes/grafana.js';
import { healthRoutes } from './routes/health.js';
import { catalogRoutes } from './routes/catalog.js';
import { incidentActionRoutes } from './routes/incident-actions.js';
import { incidentRoutes } from './routes/incidents.js';
import { postmortemRoutes } from './routes/postmortems.js';
import { problemRoutes } from './routes/problems.js';
import { similarIncidentRoutes } from './routes/similar-incidents.js';
import { logPatternRoutes } from './routes/log-patterns.js';
import { logRoutes } from './routes/logs.js';
import { metricsRoutes } from './routes/metrics.js';
import { notificationRoutes } from './routes/notifications.js';
import { oncallRoutes } from './routes/oncall.js';
import { openapiRoutes } from './routes/openapi.js';
import { pagerdutyRoutes } from './routes/pagerduty.js';
import { rcaRoutes } from './routes/rca.js';
import { reportRoutes } from './routes/reports.js';
import { runbookRoutes } from './routes/runbooks.js';
import { serviceRoutes } from './routes/services.js';
import { silenceRoutes } from './routes/silences.js';
import { seriesRoutes } from './routes/series.js';
import { serviceGraphRoutes } from './routes/service-graph.js';
import { seriesScoreRoutes } from './routes/series-scores.js';
import { traceRoutes } from './routes/traces.js';
import { SelfMetrics } from './self-metrics.js';
import { registerWebUi } from './web-ui.js';

export interface ApiServerOptions {
  engine: Engine;
  config: Config;
  /** Directory of the built UI, served at / when it exists. */
  webRoot?: string;
  /** A logger to use, true for one at config.logLevel, false/absent for none. */
  logger?: FastifyBaseLogger | boolean;
  /** Bus messages waiting to be analysed, exported as opsloop_bus_backlog (e.g. `() => loop.bus.backlog()`). */
  backlog?: () => number;
  /** Shared with the OTLP receiver; built from the store and config.auth when absent. */
  authenticator?: Authenticator;
  /** Receive time for events without one; tests pin it. @default Date.now */
  now?: () => number;
}

/** Adding a resource is one entry here plus its file under routes/. */
const ROUTE_PLUGINS = [
  runbookRoutes,
  findingRemediationRoutes,
  healthRoutes,
  authRoutes,
  tokenRoutes,
  metricsRoutes,
  incidentRoutes,
  incidentActionRoutes,
  similarIncidentRoutes,
  postmortemRoutes,
  problemRoutes,
  catalogRoutes,
  rcaRoutes,
  alertRoutes,
  silenceRoutes,
  auditRoutes,
  serviceRoutes,
  serviceGraphRoutes,
  seriesRoutes,
  forecastRoutes,
  capacityRoutes,
  seriesScoreRoutes,
  logRoutes,
  logPatternRoutes,
  traceRoutes,
  changeRoutes,
  eventRoutes,
  alertmanagerRoutes,
  pagerdutyRoutes,
  grafanaRoutes,
  notificationRoutes,
  oncallRoutes,
  reportRoutes,
  demoRoutes,
  runbookRecommendationRoutes,
] as const;

/** Builds the server and waits until it is ready; the caller only has to `listen`. */
export async function buildApiServer(options: ApiServerOptions): Promise<FastifyInstance> {
  return (await buildApiServerWithAccess(options)).app;
}

/** The server and its route registry, for the test that checks every route's permission. */
export async function buildApiServerWithAccess(options: ApiServerOptions): Promise<{ app: FastifyInstance; access: AccessControl; authenticator: Authenticator }> {
  const { config } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    trustProxy: config.api.trustProxy,
    bodyLimit: config.api.bodyLimitBytes,
    // The UI polls every 2 s; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    ...loggerOptions(options.logger, config.logLevel),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);

  const authenticator = options.authenticator ?? new Authenticator({ access: options.engine.store.access, users: options.engine.store.notify, settings: config.auth, now });
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  if (config.auth.enabled) await app.register(fastifyRateLimit, rateLimitOptions(config.auth.rateLimit));
  const access = installAccessControl(app, authenticator);
  const teams = new TeamScope(options.engine.store, config.catalog);
  installTeamScopeGuard(app, teams, options.engine.store);
  installAuditTrail(app, { audit: options.engine.store.audit, now });
  installWebhookSignatures(app, config.auth.webhookSecrets);

  const metrics = new SelfMetrics();
  app.addHook('onResponse', async (request, reply) => {
    metrics.countRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'opsloop API',
        description: 'Incidents, alerts, services, telemetry series, logs, traces, changes and alert receivers of opsloop.',
        version: '1',
      },
      tags: [
        { name: 'incidents', description: 'Incidents and their lifecycle' },
        { name: 'alerts', description: 'Deduplicated, stateful signals' },
        { name: 'problems', description: 'Recurring incidents linked into problems, with known errors and workarounds' },
        { name: 'services', description: 'The service catalogue and call graph' },
        { name: 'telemetry', description: 'Metric series' },
        { name: 'capacity', description: 'Capacity forecasts (time to exhaustion) and right-sizing' },
        { name: 'findings', description: 'Security findings from scanner reports: prioritisation (risk score, SSVC), remediation tasks, KEV and EPSS' },
        { name: 'logs', description: 'Log search and log templates (patterns)' },
        { name: 'traces', description: 'Trace search and trace detail with self times' },
        { name: 'changes', description: 'Deploys and configuration changes' },
        { name: 'notifications', description: 'Routing rules, channels, templates, escalation policies and the delivery log' },
        { name: 'on-call', description: 'Users, on-call schedules and who is on call' },
        { name: 'reports', description: 'Continuous-improvement reports: alert noise, response times, recurring problems, automation and on-call load' },
        { name: 'integrations', description: 'Receivers for external alerts and events' },
        { name: 'demo', description: 'The built-in demo' },
        { name: 'system', description: 'Health and self-metrics' },
        { name: 'access', description: 'Sign-in, sessions, passwords and API tokens' },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: jsonSchemaTransform,
  });

  const serveUi = await registerWebUi(app, options.webRoot);
  installErrorReplies(app, { bodyLimitBytes: config.api.bodyLimitBytes, serveUi });

  const routeOptions: RouteOptions = {
    engine: options.engine,
    metrics,
    now,
    authenticator,
    teams,
    loginRateLimit: { max: config.auth.rateLimit.loginPerAddressPerMinute, timeWindow: 60_000 },
    detector: config.detector,
    pagerduty: config.pagerduty,
    catalog: config.catalog,
    ...(options.backlog ? { backlog: options.backlog } : {}),
  };
  for (const plugin of ROUTE_PLUGINS) await app.register(plugin, routeOptions);
  await app.register(findingsRoutes, { ...routeOptions, maxReportBytes: config.findings.maxReportBytes });
  await app.register(openapiRoutes);
  access.verifyDeclarations();

  await app.ready();
  return { app, access, authenticator };
}

/**
 * Per token (by its digest, never the secret) when one is sent, else per address. Only with
 * authentication on: the demo and tests on localhost must not trip it.
 */
function rateLimitOptions(limits: Config['auth']['rateLimit']) {
  const bearer = (authorization: string | undefined) => /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  return {
    global: true,
    timeWindow: 60_000,
    max: (request: { headers: { authorization?: string } }) => (bearer(request.headers.authorization) ? limits.perTokenPerMinute : limits.perAddressPerMinute),
    keyGenerator: (request: { headers: { authorization?: string }; ip: string }) => {
      const token = bearer(request.headers.authorization);
      return token ? `token:${secretDigest(token)}` : `address:${request.ip}`;
    },
    errorResponseBuilder: (_request: unknown, context: { after: string }) => new OpsError('OPS_ERR_RATE_LIMITED', [`slow down; retry in ${context.after}`]),
  };
}

function loggerOptions(
  logger: ApiServerOptions['logger'],
  level: Config['logLevel'],
): { logger: boolean | { level: string; redact: string[] } } | { loggerInstance: FastifyBaseLogger } {
  if (logger === undefined || logger === false) return { logger: false };
  if (logger === true) return { logger: { level, redact: LOG_REDACT_PATHS } };
  // The caller's logger (e.g. the app's pino) gets the same redaction for what the server logs.
  return { loggerInstance: logger.child({}, { redact: LOG_REDACT_PATHS }) };
}
