/**
 * The audit trail of the API (docs/access.md "Audit trail"): one append-only entry for every
 * change that succeeded, for every refused change (401/403, as `access.denied`) and for every
 * failed sign-in (`auth.login.failed`), with who, from where, the record before and after and
 * the reply status. Routes say what they change in `config.audit`; a route that says nothing
 * still gets an entry, named after its route, with the redacted request body as "after".
 * Ingest routes are not audited: they carry data, not changes, at a rate that would drown
 * the trail (their refusals show in opsloop_http_requests_total by status).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../core/access.js';
import type { AuditEntry } from '../core/silence-api.js';
import type { AuditRepository } from '../store/store.js';
import { redactSecrets } from './redact-secrets.js';

export interface AuditDeclaration {
  /** e.g. "incident.acknowledge"; refused sign-ins become "<action>.failed". */
  action: string;
  /** e.g. "incident" */
  subjectKind: string;
  /** The record's id; default the `id` path parameter, else the `id` found in the reply (creates). */
  subjectId?: (request: FastifyRequest) => string | undefined;
  /** The record as stored now, read before and after the change; secrets are redacted anyway. */
  read?: (id: string) => unknown;
  /** Record refusals (401/403/429) as "<action>.failed": sign-in and setup attempts. */
  recordFailures?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How a change through this route is audited; `false` for a POST that changes nothing (a preview, a query). */
    audit?: AuditDeclaration | false;
  }
  interface FastifyRequest {
    /** The audited record before the handler ran, and the reply body for finding a created record's id. */
    auditDraft: { before?: unknown; subjectId?: string; reply?: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REFUSALS = new Set([401, 403, 429]);
const MAX_USER_AGENT = 300;

export function installAuditTrail(app: FastifyInstance, options: { audit: AuditRepository; now: () => number }): void {
  app.decorateRequest('auditDraft', null);

  app.addHook('preHandler', async (request) => {
    const declaration = auditedBy(request);
    if (declaration === undefined) return;
    const subjectId = declaration.subjectId?.(request) ?? pathId(request);
    request.auditDraft = { subjectId, ...(subjectId !== undefined && declaration.read ? { before: declaration.read(subjectId) } : {}) };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auditDraft && reply.statusCode < 400 && typeof payload === 'string') request.auditDraft.reply = payload;
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const entry = entryFor(request, reply.statusCode);
    if (entry) options.audit.append({ timeMs: options.now(), ...entry });
  });
}

/** The declaration for a change this request may make, or undefined when it is not audited. */
function auditedBy(request: FastifyRequest): AuditDeclaration | undefined {
  const config = request.routeOptions.config;
  if (SAFE_METHODS.has(request.method) || config.permission === undefined || config.permission === 'ingest' || config.audit === false) return undefined;
  return config.audit ?? undeclared(request);
}

/** Named after the route: "POST /api/v1/notifications/channels/:id/test" → subject "notifications". */
function undeclared(request: FastifyRequest): AuditDeclaration {
  const url = request.routeOptions.url ?? request.url;
  const kind = url.replace(/^\/api\/v1\//, '').split('/')[0] ?? 'api';
  return { action: `${request.method} ${url}`, subjectKind: kind };
}

function entryFor(request: FastifyRequest, status: number): Omit<AuditEntry, 'id' | 'timeMs'> | undefined {
  const declaration = auditedBy(request);
  if (declaration === undefined) return undefined;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const body = request.body === undefined ? undefined : redactSecrets(request.body);
  const common = { route, status, address: request.ip, ...userAgent(request), ...who(request.principal) };
  if (declaration.recordFailures && REFUSALS.has(status)) {
    const subjectId = declaration.subjectId?.(request) ?? pathId(request) ?? '';
    return { ...common, action: `${declaration.action}.failed`, subjectKind: declaration.subjectKind, subjectId, detail: `refused (${status})`, ...(body === undefined ? {} : { after: body }) };
  }
  if (status === 401 || status === 403) {
    // The body of a refused change is not kept: it was never accepted.
    return { ...common, action: 'access.denied', subjectKind: declaration.subjectKind, subjectId: pathId(request) ?? '', detail: `refused ${declaration.action} (${status})` };
  }
  if (status >= 400) return undefined;
  const draft = request.auditDraft ?? {};
  const subjectId = draft.subjectId ?? replyId(draft.reply) ?? '';
  const before = draft.before === undefined ? undefined : redactSecrets(draft.before);
  const read = subjectId !== '' && declaration.read ? declaration.read(subjectId) : undefined;
  const after = read === undefined ? (declaration.read ? undefined : body) : redactSecrets(read);
  return {
    ...common,
    action: declaration.action,
    subjectKind: declaration.subjectKind,
    subjectId,
    detail: describeChange(before, after, declaration.read !== undefined),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function who(principal: Principal | null): Pick<AuditEntry, 'actor' | 'userId' | 'tokenId'> {
  // Refused before access control resolved anyone (rate limit, missing credentials).
  if (principal === null) return { actor: 'anonymous' };
  return { actor: principal.actor, ...(principal.userId ? { userId: principal.userId } : {}), ...(principal.tokenId ? { tokenId: principal.tokenId } : {}) };
}

function userAgent(request: FastifyRequest): { userAgent?: string } {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' && agent !== '' ? { userAgent: agent.slice(0, MAX_USER_AGENT) } : {};
}

function pathId(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, unknown> | undefined;
  const id = params?.['id'];
  return typeof id === 'string' ? id : undefined;
}

/** A created record's id from the reply: `{ id }` or one level down (`{ silence: { id } }`). */
function replyId(reply: string | undefined): string | undefined {
  if (reply === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const candidates = [parsed, ...Object.values(parsed)];
  for (const candidate of candidates) {
    if (typeof candidate === 'object' && candidate !== null && 'id' in candidate && typeof candidate.id === 'string') return candidate.id;
  }
  return undefined;
}

/** In words: created, deleted, or which top-level fields changed. */
function describeChange(before: unknown, after: unknown, readable: boolean): string {
  if (!readable) return 'request accepted';
  if (before === undefined && after !== undefined) return 'created';
  if (before !== undefined && after === undefined) return 'deleted';
  if (!isRecord(before) || !isRecord(after)) return 'changed';
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return changed.length === 0 ? 'unchanged' : `changed ${changed.join(', ')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
