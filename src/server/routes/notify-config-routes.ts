/**
 * List, create, read, replace and delete for one kind of notification configuration record
 * (channels, rules, escalation policies, users, schedules): the same five routes for each, so
 * they are written once. `check` adds the checks zod cannot make (CEL compiles, references
 * exist) and throws OpsError with a message naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTIFY_CONFIG_SCHEMAS, type NotifyConfigKind, type NotifyConfigRecord } from '../../core/notify-api.js';
import { OpsError } from '../../core/errors.js';
import type { Principal } from '../../core/access.js';
import type { NotifyRepository } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';

export interface ConfigRouteSpec<K extends NotifyConfigKind> {
  kind: K;
  /** e.g. /api/v1/notifications/channels */
  path: string;
  /** Singular, capitalised, for messages: "Channel". */
  noun: string;
  tag: string;
  check?: (record: NotifyConfigRecord<K>, repo: NotifyRepository) => void;
  /** What a response shows of a stored record (secrets hidden). @default the record */
  present?: (record: NotifyConfigRecord<K>) => NotifyConfigRecord<K>;
  /** The record to store from an incoming one and the one stored under its id, if any. @default incoming */
  merge?: (incoming: NotifyConfigRecord<K>, stored: NotifyConfigRecord<K> | undefined) => NotifyConfigRecord<K>;
  /** Whether the caller may see a record (team scoping); default all. */
  visible?: (record: NotifyConfigRecord<K>, principal: Principal) => boolean;
  /** Called after a record is deleted (e.g. a user's password and sessions go with it). */
  deleted?: (id: string) => void;
}

const IdParams = z.object({ id: z.string().min(1) });

export function registerConfigRoutes<K extends NotifyConfigKind>(app: FastifyInstance, repo: () => NotifyRepository, spec: ConfigRouteSpec<K>): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Widened to one type for the route declarations: the provider cannot follow a generic kind.
  const schema: z.ZodType = NOTIFY_CONFIG_SCHEMAS[spec.kind];
  const list = z.object({ items: z.array(schema) });
  const tags = [spec.tag];
  const lower = spec.noun.toLowerCase();
  const notFound = (id: string) => new OpsError('OPS_ERR_NOT_FOUND', [`${spec.noun} ${id}`]);
  // zod has validated the body against this kind's schema, so it is this kind's record.
  const accept = (body: unknown): NotifyConfigRecord<K> => {
    const incoming = body as NotifyConfigRecord<K>;
    const record = spec.merge ? spec.merge(incoming, repo().get(spec.kind, incoming.id)) : incoming;
    spec.check?.(record, repo());
    return record;
  };
  const present = (record: NotifyConfigRecord<K>) => (spec.present ? spec.present(record) : record);
  const visible = (record: NotifyConfigRecord<K>, principal: Principal) => spec.visible?.(record, principal) ?? true;
  // Reading needs `read`; every change to configuration needs `admin` (docs/access.md).
  const read = { permission: 'read' } as const;
  const write = { permission: 'admin' } as const;
  // Audited as e.g. "channel.create"; read shows secrets as placeholders, and the trail redacts them again.
  const audited = (action: string) => ({
    ...write,
    audit: {
      action: `${spec.kind}.${action}`,
      subjectKind: spec.kind,
      subjectId: (request: FastifyRequest) => (request.params as { id?: string }).id ?? (request.body as { id?: string } | undefined)?.id,
      read: (id: string) => {
        const record = repo().get(spec.kind, id);
        return record === undefined ? undefined : present(record);
      },
    },
  });

  typed.get(spec.path, { config: read, schema: { summary: `List ${lower}s`, tags, response: { 200: list } } }, async (request) => ({
    items: repo()
      .list(spec.kind)
      .filter((record) => visible(record, request.principal))
      .map(present),
  }));

  typed.post(
    spec.path,
    { config: audited('create'), schema: { summary: `Create a ${lower}`, tags, body: schema, response: { 201: schema, ...errorResponses(400, 409, 415) } } },
    async (request, reply) => {
      const { id } = request.body as { id: string };
      if (repo().get(spec.kind, id)) throw new OpsError('OPS_ERR_CONFLICT', [`${spec.noun} ${id} exists; PUT ${spec.path}/${id} replaces it`]);
      const record = accept(request.body);
      repo().put(spec.kind, record);
      return reply.status(201).send(present(record));
    },
  );

  typed.get(
    `${spec.path}/:id`,
    { config: read, schema: { summary: `One ${lower}`, tags, params: IdParams, response: { 200: schema, ...errorResponses(404) } } },
    async (request) => {
      const record = repo().get(spec.kind, request.params.id);
      // Another team's record is as absent as a missing one: its id reveals nothing.
      if (!record || !visible(record, request.principal)) throw notFound(request.params.id);
      return present(record);
    },
  );

  typed.put(
    `${spec.path}/:id`,
    { config: audited('replace'), schema: { summary: `Create or replace a ${lower}`, tags, params: IdParams, body: schema, response: { 200: schema, ...errorResponses(400, 415) } } },
    async (request) => {
      const { id } = request.body as { id: string };
      if (id !== request.params.id) throw new OpsError('OPS_ERR_VALIDATION', [`body.id "${id}" differs from the path's "${request.params.id}"`]);
      const record = accept(request.body);
      repo().put(spec.kind, record);
      return present(record);
    },
  );

  typed.delete(
    `${spec.path}/:id`,
    { config: audited('delete'), schema: { summary: `Delete a ${lower}`, tags, params: IdParams, response: { 200: z.object({ deleted: z.string() }), ...errorResponses(404) } } },
    async (request) => {
      if (!repo().delete(spec.kind, request.params.id)) throw notFound(request.params.id);
      spec.deleted?.(request.params.id);
      return { deleted: request.params.id };
    },
  );
}
