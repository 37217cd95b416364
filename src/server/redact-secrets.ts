/**
 * What the audit trail may keep of a request body or a record: everything but secrets.
 * Passwords, tokens and signing secrets become the REDACTED placeholder; webhook URLs keep
 * only their origin, because incoming-webhook URLs (Slack and the like) carry their secret
 * in the path or query.
 */
import { REDACTED } from './channel-secrets.js';

/** Keys whose value is a credential: password, pass, secret, token, setupToken, csrfToken, apiKey … */
const SECRET_KEY = /(password|passwd|pass|secret|token|authorization|cookie|api[-_]?key|signature)$/i;
/** Header maps (a webhook channel's extra headers) carry credentials under any name. */
const HEADERS_KEY = /^headers$/i;
/** Keys whose value is a URL that may embed a credential: url, webhookUrl, slackWebhook … */
const URL_KEY = /(url|webhook)$/i;
const MAX_DEPTH = 20;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_KEY.test(key) && field !== undefined && field !== null && field !== '') out[key] = REDACTED;
    else if (URL_KEY.test(key) && typeof field === 'string') out[key] = redactUrl(field);
    else if (HEADERS_KEY.test(key) && typeof field === 'object' && field !== null) out[key] = Object.fromEntries(Object.keys(field).map((name) => [name, REDACTED]));
    else out[key] = redactSecrets(field, depth + 1);
  }
  return out;
}

/** https://hooks.slack.com/services/T0/B0/xyz → https://hooks.slack.com/******** */
export function redactUrl(text: string): string {
  if (!URL.canParse(text)) return REDACTED;
  const url = new URL(text);
  const bare = url.pathname === '/' && url.search === '' && url.username === '' && url.password === '';
  return bare ? url.origin : `${url.origin}/${REDACTED}`;
}
