/**
 * Secrets opsloop hands out (API tokens, session ids, setup links): 32 random bytes, prefixed
 * so that secret scanners and people can tell what leaked. Only their SHA-256 digest is
 * stored: the secrets are random, so a fast digest is as safe as a slow one and lookups stay
 * an index probe.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'token' | 'session' | 'setup';

const PREFIX: Readonly<Record<SecretKind, string>> = { token: 'olp_tok_', session: 'olp_ses_', setup: 'olp_set_' };

export function newSecret(kind: SecretKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A prefix of the secret long enough to tell tokens apart, far too short to guess the rest. */
export function secretHint(secret: string): string {
  return secret.slice(0, 12);
}

export function looksLike(kind: SecretKind, secret: string): boolean {
  return secret.startsWith(PREFIX[kind]) && secret.length > PREFIX[kind].length + 40;
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
