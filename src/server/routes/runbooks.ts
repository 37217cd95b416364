/**
 * Runbooks and their executions over HTTP (docs/runbooks.md "API"): runbooks from YAML,
 * versioned; executions started, listed, approved, rejected and cancelled; signed approval
 * links; offers for incidents; the kill switch. Reading needs `read`; acting on executions
 * `respond` (approving also one of the runbook's approver roles or users); editing runbooks and
 * the kill switch `admin`. Changes are audited by the audit trail; executions audit themselves.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Principal, Role } from '../../core/access.js';
import { formatProblems, loadRunbook } from '../../act/runbooks/load-runbook.js';
import {
  ApprovalLinkBodySchema,
  ApprovalLinkParamsSchema,
  ExecutionDecisionBodySchema,
  ExecutionIdParamsSchema,
  ExecutionListQuerySchema,
  ExecutionListResponseSchema,
  ExecutionResponseSchema,
  ExecutionStartBodySchema,
  IncidentOffersParamsSchema,
  KillSwitchBodySchema,
  KillSwitchResponseSchema,
  RunbookDeleteResponseSchema,
  RunbookEnabledBodySchema,
  RunbookIdParamsSchema,
  RunbookListResponseSchema,
  RunbookOfferListResponseSchema,
  RunbookProblemsErrorSchema,
  RunbookResponseSchema,
  RunbookSourceBodySchema,
  RunbookValidateResponseSchema,
  RunbookVersionParamsSchema,
  RunbookVersionResponseSchema,
  type Execution,
  type ExecutionStatus,
} from '../../core/runbook-api.js';
import { OpsError } from '../../core/errors.js';
import type { Approver } from '../../app/runbooks/runbook-executions.js';
import { errorBody } from '../error-replies.js';
import { errorResponses } from '../error-responses.js';
import { emptyBodyAsObject } from '../optional-body.js';
import type { RouteOptions } from '../route-options.js';
import { manualTrigger } from '../manual-trigger.js';
import { visiblePage } from '../visible-page.js';

const TAGS = ['runbooks'];
/** How far a list reads past other teams' executions to fill a page. */
const MAX_EXECUTIONS_READ = 5_000;

export const runbookRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now, teams }) => {
  const { catalog, executions, automation } = engine.runbooks;
  const runbookRecord = (id: string) => {
    const entry = catalog.get(id);
    return entry === undefined ? undefined : catalog.summary(entry);
  };
  // An execution for an incident belongs to the incident's team: another team's is answered like a missing one.
  const canSeeIncidentOf = (principal: Principal, incidentId: string | undefined): boolean => {
    const incident = incidentId === undefined ? undefined : engine.store.incidents.get(incidentId);
    return incident === undefined || teams.canSeeIncident(principal, incident);
  };
  const visibleExecution = (principal: Principal, id: string): Execution => {
    const execution = executions.get(id);
    if (!canSeeIncidentOf(principal, execution.incidentId)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Execution ${id}`]);
    return execution;
  };
  const executionRecord = (id: string) => (engine.store.runbooks.getExecution(id) ? executions.get(id) : undefined);
  /** A 400 naming every problem with its line and column, or undefined when the YAML loads. */
  const problemsReply = (source: string) => {
    const loaded = loadRunbook(source, 'api');
    if (loaded.ok) return undefined;
    const count = `${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}`;
    return { ...errorBody(400, 'OPS_ERR_VALIDATION', `Invalid request: the runbook has ${count}: ${formatProblems(loaded.problems)}`), problems: loaded.problems };
  };

  app.get(
    '/api/v1/runbooks',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'List runbooks, and the problems of runbook files that did not load',
        tags: TAGS,
        response: { 200: RunbookListResponseSchema },
      },
    },
    async () => ({ runbooks: catalog.list().map((entry) => catalog.summary(entry)), problems: catalog.problems() }),
  );

  app.post(
    '/api/v1/runbooks',
    {
      config: { permission: 'admin', audit: { action: 'runbook.create', subjectKind: 'runbook', read: runbookRecord } },
      schema: {
        summary: 'Create a runbook from YAML',
        description: 'Validated like a runbook file: a runbook with problems is refused with 400 and every problem at its line and column. Version 1 is stored.',
        tags: TAGS,
        body: RunbookSourceBodySchema,
        response: { 201: RunbookResponseSchema, 400: RunbookProblemsErrorSchema, ...errorResponses(409, 413, 415) },
      },
    },
    async (request, reply) => {
      const problems = problemsReply(request.body.source);
      if (problems) return reply.code(400).send(problems);
      return reply.code(201).send({ runbook: catalog.detail(catalog.save(request.body.source, request.principal.actor, now())) });
    },
  );

  app.post(
    '/api/v1/runbooks/validate',
    {
      config: { permission: 'read', audit: false },
      schema: {
        summary: 'Check runbook YAML without saving it',
        tags: TAGS,
        body: RunbookSourceBodySchema,
        response: { 200: RunbookValidateResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      const loaded = loadRunbook(request.body.source, 'api');
      return loaded.ok ? { valid: true, problems: [] } : { valid: false, problems: loaded.problems };
    },
  );

  app.get(
    '/api/v1/runbooks/:id',
    {
      config: { permission: 'read' },
      schema: { summary: 'One runbook with its YAML source and versions', tags: TAGS, params: RunbookIdParamsSchema, response: { 200: RunbookResponseSchema, ...errorResponses(400, 404) } },
    },
    async (request) => ({ runbook: catalog.detail(catalog.require(request.params.id)) }),
  );

  app.put(
    '/api/v1/runbooks/:id',
    {
      config: { permission: 'admin', audit: { action: 'runbook.update', subjectKind: 'runbook', read: runbookRecord } },
      schema: {
        summary: 'Save a new version of a runbook',
        description: 'The YAML must keep the id. A runbook from a file is read-only here (409): edit the file.',
        tags: TAGS,
        params: RunbookIdParamsSchema,
        body: RunbookSourceBodySchema,
        response: { 200: RunbookResponseSchema, 400: RunbookProblemsErrorSchema, ...errorResponses(404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const problems = problemsReply(request.body.source);
      if (problems) return reply.code(400).send(problems);
      return { runbook: catalog.detail(catalog.save(request.body.source, request.principal.actor, now(), request.params.id)) };
    },
  );

  app.delete(
    '/api/v1/runbooks/:id',
    {
      config: { permission: 'admin', audit: { action: 'runbook.delete', subjectKind: 'runbook', read: runbookRecord } },
      schema: { summary: 'Delete a runbook created through the API (its executions stay)', tags: TAGS, params: RunbookIdParamsSchema, response: { 200: RunbookDeleteResponseSchema, ...errorResponses(400, 404, 409) } },
    },
    async (request) => {
      catalog.delete(request.params.id);
      return { deleted: request.params.id };
    },
  );

  app.put(
    '/api/v1/runbooks/:id/enabled',
    {
      config: { permission: 'admin', audit: { action: 'runbook.enable', subjectKind: 'runbook', read: runbookRecord } },
      schema: {
        summary: 'Enable or disable a runbook',
        description: 'A disabled runbook is kept but not offered, scheduled or started.',
        tags: TAGS,
        params: RunbookIdParamsSchema,
        body: RunbookEnabledBodySchema,
        response: { 200: RunbookResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
    },
    async (request) => ({ runbook: catalog.detail(catalog.setEnabled(request.params.id, request.body.enabled, request.principal.actor, now())) }),
  );

  app.get(
    '/api/v1/runbooks/:id/versions/:version',
    {
      config: { permission: 'read' },
      schema: { summary: 'The YAML of one version of a runbook', tags: TAGS, params: RunbookVersionParamsSchema, response: { 200: RunbookVersionResponseSchema, ...errorResponses(400, 404) } },
    },
    async (request) => {
      const { id, version } = request.params;
      const entry = catalog.require(id);
      const described = catalog.detail(entry).versions.find((v) => v.version === version);
      const source = entry.origin === 'file' ? (version === 1 ? entry.source : undefined) : engine.store.runbooks.versionSource(id, version);
      if (described === undefined || source === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Version ${version} of runbook ${id}`]);
      return { version: described, source };
    },
  );

  app.post(
    '/api/v1/runbooks/:id/executions',
    {
      config: { permission: 'respond', audit: { action: 'runbook.execution.start', subjectKind: 'runbook_execution', subjectId: () => undefined, read: executionRecord } },
      schema: {
        summary: 'Start an execution of a runbook',
        description:
          'Inputs are checked against the runbook; defaults fill the rest. `dryRun` renders every step and reports what it would do, doing nothing. A runbook that requires approval answers `awaiting_approval`. Refused with 409 and the reason when the kill switch is engaged or a limit (concurrent, perTarget, perHour) is reached; the refusal is recorded.',
        tags: TAGS,
        params: RunbookIdParamsSchema,
        body: ExecutionStartBodySchema,
        response: { 201: ExecutionResponseSchema, ...errorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { inputs, dryRun, incidentId } = request.body;
      if (!canSeeIncidentOf(request.principal, incidentId)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId}`]);
      const execution = executions.start(request.params.id, { inputs, dryRun, ...(incidentId !== undefined ? { incidentId } : {}) }, manualTrigger(request.principal));
      return reply.code(201).send({ execution });
    },
  );

  app.get(
    '/api/v1/runbook-executions',
    {
      config: { permission: 'read' },
      schema: { summary: 'List executions, newest first', description: 'Filter by runbook, incident and status: `status=awaiting_approval` is the approval inbox.', tags: TAGS, querystring: ExecutionListQuerySchema, response: { 200: ExecutionListResponseSchema, ...errorResponses(400) } },
    },
    async (request) => {
      const { runbook, incident, status, limit } = request.query;
      const filter = {
        ...(runbook !== undefined ? { runbookId: runbook } : {}),
        ...(incident !== undefined ? { incidentId: incident } : {}),
        ...(status !== undefined ? { statuses: status.split(',') as ExecutionStatus[] } : {}),
      };
      const visible = (execution: Execution) => canSeeIncidentOf(request.principal, execution.incidentId);
      return { executions: visiblePage((read) => executions.list({ ...filter, limit: read }), visible, limit, MAX_EXECUTIONS_READ) };
    },
  );

  app.get(
    '/api/v1/runbook-executions/:id',
    {
      config: { permission: 'read' },
      schema: { summary: 'One execution with its step records so far', description: 'Poll it while it runs for live step logs.', tags: TAGS, params: ExecutionIdParamsSchema, response: { 200: ExecutionResponseSchema, ...errorResponses(404) } },
    },
    async (request) => ({ execution: visibleExecution(request.principal, request.params.id) }),
  );

  const decision = (name: 'cancel' | 'approve' | 'reject', summary: string, description: string) =>
    app.post(
      `/api/v1/runbook-executions/:id/${name}`,
      {
        config: { permission: 'respond', audit: { action: `runbook.execution.${name}`, subjectKind: 'runbook_execution', read: executionRecord } },
        preValidation: emptyBodyAsObject,
        schema: { summary, description, tags: TAGS, params: ExecutionIdParamsSchema, body: ExecutionDecisionBodySchema, response: { 200: ExecutionResponseSchema, ...errorResponses(403, 404, 409, 415) } },
      },
      async (request) => {
        const { id } = visibleExecution(request.principal, request.params.id);
        const { comment } = request.body;
        if (name === 'cancel') return { execution: executions.cancel(id, request.principal.actor, `cancelled by ${request.principal.actor}${comment ? `: ${comment}` : ''}`) };
        const approver = approverOf(request.principal);
        return { execution: name === 'approve' ? executions.approve(id, approver, comment) : executions.reject(id, approver, comment) };
      },
    );
  decision('cancel', 'Cancel an execution', 'Stops a queued, waiting or running execution; the step in flight is told at once and no rollback runs.');
  decision('approve', 'Approve an execution', 'The caller must hold one of the runbook\'s approval roles or be one of its approval users; the execution then runs.');
  decision('reject', 'Reject an execution', 'The execution ends `rejected`; same rule as approving for who may.');

  app.get(
    '/api/v1/runbook-approvals/:token',
    {
      config: { permission: 'read' },
      schema: { summary: 'The execution a signed approval link is for', tags: TAGS, params: ApprovalLinkParamsSchema, response: { 200: ExecutionResponseSchema, ...errorResponses(403, 404) } },
    },
    async (request) => ({ execution: visibleExecution(request.principal, executions.executionOfLink(request.params.token)) }),
  );

  app.post(
    '/api/v1/runbook-approvals/:token',
    {
      config: { permission: 'respond', audit: { action: 'runbook.execution.link', subjectKind: 'runbook_execution', subjectId: (request) => linkExecution(request.params), read: executionRecord } },
      schema: {
        summary: 'Approve or reject through a signed approval link',
        description: 'The link of an approval request: signed, bound to one execution, valid until the approval expires and usable once. With sign-in on, the caller must still be signed in and allowed to approve.',
        tags: TAGS,
        params: ApprovalLinkParamsSchema,
        body: ApprovalLinkBodySchema,
        response: { 200: ExecutionResponseSchema, ...errorResponses(400, 403, 404, 409, 415) },
      },
    },
    async (request) => {
      visibleExecution(request.principal, executions.executionOfLink(request.params.token));
      return { execution: executions.decideByLink(request.params.token, approverOf(request.principal), request.body.decision, request.body.comment) };
    },
  );
  const linkExecution = (params: unknown) => {
    const token = (params as { token?: unknown }).token;
    if (typeof token !== 'string') return undefined;
    try {
      return executions.executionOfLink(token);
    } catch {
      return undefined;
    }
  };

  app.get(
    '/api/v1/incidents/:id/runbook-offers',
    {
      config: { permission: 'read' },
      schema: { summary: 'Runbooks whose triggers matched an incident, and what was done about each', tags: TAGS, params: IncidentOffersParamsSchema, response: { 200: RunbookOfferListResponseSchema, ...errorResponses(404) } },
    },
    async (request) => {
      if (engine.store.incidents.get(request.params.id) === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${request.params.id}`]);
      return { offers: automation.offers(request.params.id) };
    },
  );

  app.get(
    '/api/v1/runbook-kill-switch',
    { config: { permission: 'read' }, schema: { summary: 'The runbook kill switch', tags: TAGS, response: { 200: KillSwitchResponseSchema } } },
    async () => ({ killSwitch: executions.killSwitch() }),
  );

  app.put(
    '/api/v1/runbook-kill-switch',
    {
      config: { permission: 'admin', audit: { action: 'runbook.kill_switch', subjectKind: 'runbook_kill_switch', subjectId: () => 'global', read: () => executions.killSwitch() } },
      schema: {
        summary: 'Engage or release the runbook kill switch',
        description: 'Engaged: every execution not yet ended is cancelled and no new one starts (dry runs still do) until it is released.',
        tags: TAGS,
        body: KillSwitchBodySchema,
        response: { 200: KillSwitchResponseSchema, ...errorResponses(400, 415) },
      },
    },
    async (request) => executions.setKillSwitch(request.body.engaged, request.principal.actor, request.body.reason),
  );
};

/** The roles a caller holds for approvals: a scope stands for its role and the ones below it. */
function approverOf(principal: Principal): Approver {
  const base = { actor: principal.actor, ...(principal.userId !== undefined ? { userId: principal.userId } : {}) };
  if (principal.kind === 'open') return { ...base, roles: 'any' };
  const roles: Role[] = [];
  if (principal.scopes.has('admin')) roles.push('admin');
  if (principal.scopes.has('respond')) roles.push('responder');
  if (principal.scopes.has('read')) roles.push('viewer');
  return { ...base, roles };
}
