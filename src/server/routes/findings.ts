/**
 * Security findings (docs/findings.md): scanner report import, findings with filters and
 * their page, status changes and feedback, remediation tasks, the risk overview, and the KEV
 * and EPSS files. The work is src/app/vulns and src/act/vulns. Findings are team-scoped like
 * incidents: one owned by another team answers 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeTeam, type Principal } from '../../core/access.js';
import { OpsError } from '../../core/errors.js';
import {
  DecisionSchema,
  FeedbackResponseSchema,
  FindingDetailResponseSchema,
  FindingFeedbackBodySchema,
  FindingListQuerySchema,
  FindingListResponseSchema,
  FindingPatchBodySchema,
  FindingStatusSchema,
  ImportQuerySchema,
  ImportResponseSchema,
  IntelFileStatusSchema,
  IntelStatusSchema,
  OverviewQuerySchema,
  OverviewResponseSchema,
  PrioritisedFindingSchema,
  TaskListQuerySchema,
  TaskListResponseSchema,
  VulnSeveritySchema,
  ACTIVE_STATUSES,
  type PrioritisedFinding,
} from '../../core/findings-api.js';
import { findingPage, findingsOverview } from '../../app/vulns/findings-overview.js';
import { loadEpss, loadKev } from '../../app/vulns/threat-intel-files.js';
import type { FindingCursor, FindingFilter } from '../../store/store.js';
import { toErrorBody } from '../error-replies.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['findings'];
const IdParamsSchema = z.object({ id: z.string().min(1).max(100).describe('Finding id') });
const IntelUploadResponseSchema = z.object({ status: IntelFileStatusSchema, reprioritised: z.boolean() });

export const findingsRoutes: FastifyPluginAsyncZod<RouteOptions & { maxReportBytes: number }> = async (app, { engine, now, maxReportBytes }) => {
  const desk = engine.findings;
  const { store } = engine;

  // Scanner reports and EPSS files outgrow api.bodyLimitBytes: these routes take up to
  // findings.maxReportBytes, and a 413 says that limit.
  app.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(error, { bodyLimitBytes: maxReportBytes, contentType: request.headers['content-type'] });
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(body.statusCode).send(body);
  });
  // EPSS is published as CSV, usually gzipped.
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/gzip', 'application/x-gzip', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: maxReportBytes }, (_request, body, done) => {
    done(null, body);
  });

  const visibleTeams = (principal: Principal): readonly string[] | undefined => (principal.scopes.has('admin') ? undefined : principal.teams);
  const visible = (principal: Principal, id: string): PrioritisedFinding => {
    const finding = desk.get(id);
    if (finding === undefined || !canSeeTeam(principal, finding.team)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Finding ${id}`]);
    return finding;
  };
  const readFinding = (id: string) => store.findings.get(id)?.finding;

  app.post(
    '/api/v1/findings/import',
    {
      bodyLimit: maxReportBytes,
      config: { permission: 'ingest' },
      schema: {
        summary: 'Import a scanner report: Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX 1.5/1.6 JSON (SBOM or VEX), OSV-Scanner JSON',
        description:
          'The body is the report as the scanner wrote it. Its format is detected (or given with ?format=); what was scanned comes from the report (image, repository, SBOM component) or ?target= and ?targetKind=. The scan is stored, its vulnerabilities are merged into findings (deduplicated across scanners by vulnerability id and aliases, package and target), findings this scanner reported before and no longer reports are marked fixed, and every changed finding is prioritised — all before the reply. A VEX statement (analysis.state not_affected, resolved, false_positive) suppresses with its justification.',
        tags: TAGS,
        querystring: ImportQuerySchema,
        body: z.unknown().describe('The scanner report (JSON)'),
        response: { 200: ImportResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      if (request.body === undefined) throw new OpsError('OPS_ERR_VALIDATION', ['body: is required (the scanner report as JSON)']);
      const { format, target, targetKind } = request.query;
      return desk.importReport(request.body, {
        ...(format ? { format } : {}),
        ...(target ? { target } : {}),
        ...(targetKind ? { targetKind } : {}),
        by: request.principal.actor,
      });
    },
  );

  app.get(
    '/api/v1/findings',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Findings, highest risk score first',
        description: 'Filters combine; comma-separated lists match any value. Without status, only findings that need work (open, triaged, in_remediation). Page with cursor = nextCursor.',
        tags: TAGS,
        querystring: FindingListQuerySchema,
        response: { 200: FindingListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const filter: FindingFilter = {
        statuses: q.status === undefined ? ACTIVE_STATUSES : listOf(q.status, FindingStatusSchema, 'status'),
        ...(q.severity === undefined ? {} : { severities: listOf(q.severity, VulnSeveritySchema, 'severity') }),
        ...(q.decision === undefined ? {} : { decisions: listOf(q.decision, DecisionSchema, 'decision') }),
        ...(q.service === undefined ? {} : { service: q.service }),
        ...(q.team === undefined ? {} : { team: q.team }),
        ...(q.kev === undefined ? {} : { kev: q.kev === 'true' }),
        ...(q.fixable === undefined ? {} : { fixable: q.fixable === 'true' }),
        ...(q.q === undefined ? {} : { text: q.q }),
        ...(q.cursor === undefined ? {} : { after: decodeCursor(q.cursor) }),
        ...withTeams(visibleTeams(request.principal)),
        limit: q.limit + 1,
      };
      const findings = desk.list(filter);
      const page = findings.slice(0, q.limit);
      const last = page.at(-1);
      return { findings: page, ...(findings.length > q.limit && last ? { nextCursor: encodeCursor({ score: last.priority.score, id: last.id }) } : {}) };
    },
  );

  app.get(
    '/api/v1/findings/tasks',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Remediation tasks: findings that need work grouped per service and package, earliest deadline first',
        description: "Each task carries runbookInputs (service, package, ecosystem, fixedVersion, image or repository): what a remediation runbook is started with.",
        tags: TAGS,
        querystring: TaskListQuerySchema,
        response: { 200: TaskListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { service, team, overdue } = request.query;
      const tasks = desk.tasks({ ...(service ? { service } : {}), ...(team ? { team } : {}), ...withTeams(visibleTeams(request.principal)) });
      return { tasks: overdue === undefined ? tasks : tasks.filter((task) => task.overdue === (overdue === 'true')) };
    },
  );

  app.get(
    '/api/v1/findings/overview',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Risk overview: open findings by decision, severity and status, overdue, KEV, and the burn-down of open findings',
        tags: TAGS,
        querystring: OverviewQuerySchema,
        response: { 200: OverviewResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, points } = request.query;
      if (from !== undefined && to !== undefined && from >= to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is not before querystring.to (${to})`]);
      const all = desk.list({ ...withTeams(visibleTeams(request.principal)) });
      return findingsOverview(store, all, { ...(from === undefined ? {} : { fromMs: from }), ...(to === undefined ? {} : { toMs: to }), points, nowMs: now() });
    },
  );

  app.get(
    '/api/v1/findings/intel',
    { config: { permission: 'read' }, schema: { summary: 'The KEV catalogue and EPSS scores loaded: entries, version, when and from where', tags: TAGS, response: { 200: IntelStatusSchema, ...errorResponses() } } },
    async () => store.findings.intelStatus(),
  );

  app.put(
    '/api/v1/findings/intel/kev',
    {
      bodyLimit: maxReportBytes,
      config: { permission: 'admin', audit: { action: 'findings.kev', subjectKind: 'intel', subjectId: () => 'kev', read: () => store.findings.intelStatus().kev } },
      schema: {
        summary: "Replace the KEV catalogue with CISA's known_exploited_vulnerabilities.json",
        description: 'The body is the catalogue as CISA publishes it (vulnerabilities[].cveID, dateAdded, dueDate …). Every finding is re-prioritised.',
        tags: TAGS,
        body: z.unknown().describe('CISA KEV catalogue JSON'),
        response: { 200: IntelUploadResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      const status = loadKev(store, request.body, 'upload', now());
      desk.reprioritiseAll();
      return { status, reprioritised: true };
    },
  );

  app.put(
    '/api/v1/findings/intel/epss',
    {
      bodyLimit: maxReportBytes,
      config: { permission: 'admin', audit: { action: 'findings.epss', subjectKind: 'intel', subjectId: () => 'epss', read: () => store.findings.intelStatus().epss } },
      schema: {
        summary: "Replace the EPSS scores with FIRST's epss_scores-YYYY-MM-DD.csv (gzipped or not)",
        description: 'Content-Type text/csv, or application/gzip for the .csv.gz as published. Lines: a #model_version:…,score_date:… comment, the header cve,epss,percentile, then one CVE per line. Every finding is re-prioritised.',
        tags: TAGS,
        response: { 200: IntelUploadResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new OpsError('OPS_ERR_UNSUPPORTED_MEDIA_TYPE', [`"${request.headers['content-type'] ?? '(none)'}"`, 'text/csv or application/gzip']);
      const status = loadEpss(store, request.body, 'upload', { nowMs: now(), maxBytes: maxReportBytes });
      desk.reprioritiseAll();
      return { status, reprioritised: true };
    },
  );

  app.get(
    '/api/v1/findings/:id',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One finding with its priority breakdown, SSVC decision, history, remediation plan and evidence',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: FindingDetailResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const finding = visible(request.principal, request.params.id);
      return { finding, history: desk.history(finding.id), ...findingPage(store, finding) };
    },
  );

  app.patch(
    '/api/v1/findings/:id',
    {
      config: { permission: 'respond', audit: { action: 'finding.status', subjectKind: 'finding', read: readFinding } },
      schema: {
        summary: 'Triage a finding, start remediating it, accept its risk (reason and expiry) or reopen it',
        description: 'open → triaged → in_remediation; risk_accepted needs reason and expiresAt and reopens on expiry; open reopens a triaged, accepted or suppressed finding. fixed is set only by a scan that no longer reports the finding. 409 for a move the lifecycle does not allow.',
        tags: TAGS,
        params: IdParamsSchema,
        body: FindingPatchBodySchema,
        response: { 200: z.object({ finding: PrioritisedFindingSchema }), ...errorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      visible(request.principal, request.params.id);
      return { finding: desk.patch(request.params.id, request.body) };
    },
  );

  app.post(
    '/api/v1/findings/:id/feedback',
    {
      config: { permission: 'respond', audit: { action: 'finding.feedback', subjectKind: 'finding', read: readFinding } },
      schema: {
        summary: "Tell opsloop a finding's priority is wrong here; the owner team's weight of one factor moves a bounded step",
        description: "not_exploitable_here and priority_too_high lower the weight by 10 %, priority_too_low raises it, within [0.5, 1.5]; the factor defaults to exploitation for not_exploitable_here, else the one that added most. The team's findings are re-prioritised.",
        tags: TAGS,
        params: IdParamsSchema,
        body: FindingFeedbackBodySchema,
        response: { 200: FeedbackResponseSchema, ...errorResponses(400, 404, 413, 415) },
      },
    },
    async (request) => {
      visible(request.principal, request.params.id);
      return desk.feedback(request.params.id, request.body);
    },
  );
};

function withTeams(teams: readonly string[] | undefined): { visibleToTeams?: readonly string[] } {
  return teams === undefined ? {} : { visibleToTeams: teams };
}

function listOf<T extends string>(text: string, schema: z.ZodType<T>, field: string): T[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const parsed = schema.safeParse(part);
      if (!parsed.success) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.${field}: "${part}" is not one of the allowed values`]);
      return parsed.data;
    });
}

function encodeCursor(cursor: FindingCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): FindingCursor {
  try {
    const [score, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof score === 'number' && typeof id === 'string') return { score, id };
  } catch {
    // Reported below.
  }
  throw new OpsError('OPS_ERR_VALIDATION', ['querystring.cursor: not a cursor this API gave']);
}
