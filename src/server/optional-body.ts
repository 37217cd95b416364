import type { FastifyRequest } from 'fastify';

/**
 * A preValidation hook for action routes whose body is optional: a button in the UI or a bare
 * `curl -X POST` sends none, which means `{}` (and so "by: api").
 */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  // Before validation the body is still raw JSON, not the schema's output type.
  const raw: { body: unknown } = request;
  raw.body ??= {};
}
