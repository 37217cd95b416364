/**
 * Channel secrets (webhook signing secret, SMTP password) never leave the server: responses
 * carry a placeholder, and a PUT that sends the placeholder back keeps the stored secret, so a
 * client can edit a channel it read without knowing its secret.
 */
import type { Channel } from '../core/notify-api.js';
import { OpsError } from '../core/errors.js';

export const REDACTED = '********';

export function redactChannel(channel: Channel): Channel {
  if (channel.type === 'webhook' && channel.secret !== undefined) return { ...channel, secret: REDACTED };
  if (channel.type === 'email' && channel.auth) return { ...channel, auth: { ...channel.auth, pass: REDACTED } };
  return channel;
}

/** `incoming` with placeholders replaced by `stored`'s secrets; a placeholder with nothing to keep is a 400. */
export function keepSecrets(incoming: Channel, stored: Channel | undefined): Channel {
  if (incoming.type === 'webhook' && incoming.secret === REDACTED) {
    if (stored?.type !== 'webhook' || stored.secret === undefined) throw placeholder('body.secret');
    return { ...incoming, secret: stored.secret };
  }
  if (incoming.type === 'email' && incoming.auth?.pass === REDACTED) {
    if (stored?.type !== 'email' || !stored.auth) throw placeholder('body.auth.pass');
    return { ...incoming, auth: { ...incoming.auth, pass: stored.auth.pass } };
  }
  return incoming;
}

function placeholder(field: string): OpsError {
  return new OpsError('OPS_ERR_VALIDATION', [`${field} is the placeholder ${REDACTED} but there is no stored secret to keep; send the secret itself`]);
}
