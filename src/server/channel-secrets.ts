/**
 * Channel secrets (webhook signing secret and header values, a Slack webhook URL's path, SMTP
 * password) never leave the server: responses carry a placeholder, and a PUT that sends the
 * placeholder back keeps the stored secret, so a client can edit a channel it read without
 * knowing its secret.
 */
import type { Channel } from '../core/notify-api.js';
import { OpsError } from '../core/errors.js';

export const REDACTED = '********';

export function redactChannel(channel: Channel): Channel {
  if (channel.type === 'webhook') {
    return {
      ...channel,
      ...(channel.secret !== undefined ? { secret: REDACTED } : {}),
      ...(channel.headers !== undefined ? { headers: Object.fromEntries(Object.keys(channel.headers).map((name) => [name, REDACTED])) } : {}),
    };
  }
  if (channel.type === 'slack') return { ...channel, url: redactedUrl(channel.url) };
  if (channel.type === 'email' && channel.auth) return { ...channel, auth: { ...channel.auth, pass: REDACTED } };
  return channel;
}

/** An incoming-webhook URL is its own credential: only its origin is shown. */
export function redactedUrl(url: string): string {
  return `${new URL(url).origin}/${REDACTED}`;
}

/** `incoming` with placeholders replaced by `stored`'s secrets; a placeholder with nothing to keep is a 400. */
export function keepSecrets(incoming: Channel, stored: Channel | undefined): Channel {
  if (incoming.type === 'webhook') {
    let kept = incoming;
    if (incoming.secret === REDACTED) {
      if (stored?.type !== 'webhook' || stored.secret === undefined) throw placeholder('body.secret');
      kept = { ...kept, secret: stored.secret };
    }
    if (incoming.headers !== undefined) {
      const headers = Object.entries(incoming.headers).map(([name, value]) => {
        if (value !== REDACTED) return [name, value];
        const previous = stored?.type === 'webhook' ? stored.headers?.[name] : undefined;
        if (previous === undefined) throw placeholder(`body.headers.${name}`);
        return [name, previous];
      });
      kept = { ...kept, headers: Object.fromEntries(headers) as Record<string, string> };
    }
    return kept;
  }
  if (incoming.type === 'slack' && incoming.url.endsWith(`/${REDACTED}`)) {
    if (stored?.type !== 'slack' || redactedUrl(stored.url) !== incoming.url) throw placeholder('body.url');
    return { ...incoming, url: stored.url };
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
