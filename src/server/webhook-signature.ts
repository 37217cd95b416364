/**
 * Optional signatures on incoming webhooks (docs/access.md "Hardening"): when
 * `auth.webhookSecrets` has a secret for a receiver, each request must carry
 * `X-Opsloop-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` — the scheme opsloop's own
 * outgoing webhooks use — or it is refused with 401 before its body is validated or stored.
 * This is on top of the ingest token: it proves the body was not altered on the way.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { WebhookIntegration } from '../core/config.js';
import { OpsError } from '../core/errors.js';
import { sameSecret } from './auth/secrets.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The receiver this route is, for `auth.webhookSecrets`. */
    integration?: WebhookIntegration;
  }
}

export const SIGNATURE_HEADER = 'x-opsloop-signature';

export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function installWebhookSignatures(app: FastifyInstance, secrets: Partial<Record<WebhookIntegration, string>>): void {
  if (Object.keys(secrets).length === 0) return;
  // preValidation: after the body is read (the signature covers its exact bytes), before it is checked or used.
  app.addHook('preValidation', async (request) => {
    const integration = request.routeOptions.config.integration;
    const secret = integration === undefined ? undefined : secrets[integration];
    if (secret === undefined) return;
    const sent = request.headers[SIGNATURE_HEADER];
    if (typeof sent !== 'string' || sent === '') {
      throw new OpsError('OPS_ERR_UNAUTHENTICATED', [`this receiver needs the ${SIGNATURE_HEADER} header: sha256=<hex HMAC-SHA256 of the body>`]);
    }
    if (!sameSecret(sent.trim().toLowerCase(), webhookSignature(secret, request.rawBody ?? ''))) {
      throw new OpsError('OPS_ERR_UNAUTHENTICATED', [`the ${SIGNATURE_HEADER} signature does not match the body`]);
    }
  });
}
