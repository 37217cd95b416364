/**
 * Turns credentials into a Principal (docs/access.md): API tokens (Bearer header, or the
 * `token` query parameter on ingest routes), session cookies from the UI login, and the
 * one-time setup link that creates the first admin. Failed logins lock the name with
 * exponential backoff. Secrets are compared only as digests; none is ever logged.
 */
import { randomUUID } from 'node:crypto';
import { scopesOfRole, tokenScopes, type Principal, type Scope } from '../../core/access.js';
import type { Config } from '../../core/config.js';
import { OpsError } from '../../core/errors.js';
import type { User } from '../../core/notify-api.js';
import type { AccessRepository, ApiTokenRecord, NotifyRepository, SessionRecord } from '../../store/store.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { newSecret, secretDigest, secretHint } from './secrets.js';

/** last-used times are written at most this often per token: a busy sender must not write per request. */
const TOUCH_EVERY_MS = 60_000;

export interface AuthenticatorOptions {
  access: AccessRepository;
  users: NotifyRepository;
  settings: Config['auth'];
  now: () => number;
}

export interface NewSession {
  secret: string;
  session: SessionRecord;
  user: User;
}

export interface NewToken {
  secret: string;
  token: ApiTokenRecord;
}

export class Authenticator {
  readonly #access: AccessRepository;
  readonly #users: NotifyRepository;
  readonly #settings: Config['auth'];
  readonly #now: () => number;
  readonly #touched = new Map<string, number>();

  constructor(options: AuthenticatorOptions) {
    this.#access = options.access;
    this.#users = options.users;
    this.#settings = options.settings;
    this.#now = options.now;
  }

  get enabled(): boolean {
    return this.#settings.enabled;
  }

  /** The principal of an API token, or a 401 saying what is wrong with it. */
  fromToken(secret: string, via: 'bearer' | 'url-token'): Principal {
    const token = this.#access.tokenBySecretHash(secretDigest(secret));
    if (token === undefined) throw unauthenticated('unknown token');
    const now = this.#now();
    if (token.revokedMs !== undefined) throw unauthenticated(`token ${token.name} was revoked`);
    if (token.expiresMs !== undefined && token.expiresMs <= now) throw unauthenticated(`token ${token.name} has expired`);
    const owner = token.ownerId === undefined ? undefined : this.#users.get('user', token.ownerId);
    if (token.ownerId !== undefined && owner === undefined) throw unauthenticated(`the owner of token ${token.name} no longer exists`);
    this.#touch(token.id, now);
    return {
      kind: 'token',
      tokenId: token.id,
      ...(owner ? { userId: owner.id } : {}),
      actor: owner ? `${owner.id} (token ${token.name})` : `token:${token.name}`,
      scopes: tokenScopes(token.scopes, owner?.role),
      teams: owner?.teams ?? [],
      via,
    };
  }

  /** The principal of a session cookie and its session, or a 401 (unknown or expired). */
  fromSession(secret: string): { principal: Principal; session: SessionRecord } {
    const digest = secretDigest(secret);
    const session = this.#access.session(digest);
    if (session === undefined) throw unauthenticated('the session is unknown or was signed out');
    if (session.expiresMs <= this.#now()) {
      this.#access.deleteSession(digest);
      throw unauthenticated('the session has expired; sign in again');
    }
    const user = this.#users.get('user', session.userId);
    if (user === undefined) throw unauthenticated('the user of this session no longer exists');
    return { principal: userPrincipal(user, 'session'), session };
  }

  async login(login: string, password: string, address: string): Promise<NewSession> {
    const now = this.#now();
    const failures = this.#access.loginFailures(login);
    if (failures !== undefined && failures.lockedUntilMs > now) {
      throw new LockedOut(Math.ceil((failures.lockedUntilMs - now) / 1000));
    }
    const user = this.#users.get('user', login);
    const stored = user === undefined ? undefined : this.#access.passwordHash(user.id);
    const matches = await verifyPassword(password, stored ?? (await decoyHash()));
    if (!matches || user === undefined || stored === undefined) {
      this.#recordFailure(login, failures?.failures ?? 0, now);
      throw unauthenticated('wrong user or password');
    }
    this.#access.clearLoginFailures(login);
    return this.#startSession(user, address);
  }

  logout(secret: string): void {
    this.#access.deleteSession(secretDigest(secret));
  }

  async setPassword(userId: string, password: string): Promise<void> {
    this.#access.setPasswordHash(userId, await hashPassword(password), this.#now());
    // A new password signs out everywhere: whoever knew the old one loses their session.
    this.#access.deleteSessionsOf(userId);
  }

  createToken(spec: { name: string; scopes: Scope[]; ownerId?: string; expiresMs?: number; createdBy: string }): NewToken {
    const secret = newSecret('token');
    const token: ApiTokenRecord = {
      id: randomUUID(),
      name: spec.name,
      ...(spec.ownerId !== undefined ? { ownerId: spec.ownerId } : {}),
      scopes: spec.scopes,
      prefix: secretHint(secret),
      createdMs: this.#now(),
      createdBy: spec.createdBy,
      ...(spec.expiresMs !== undefined ? { expiresMs: spec.expiresMs } : {}),
    };
    this.#access.saveToken(token, secretDigest(secret));
    return { secret, token };
  }

  /** A one-time link secret for creating the first admin, valid for `setupLinkMinutes`. */
  createSetupLink(): string {
    const secret = newSecret('setup');
    this.#access.saveSetupLink(secretDigest(secret), this.#now() + this.#settings.setupLinkMinutes * 60_000);
    return secret;
  }

  /** Creates the first admin from the setup link (used once) and signs them in. */
  async completeSetup(link: string, user: User, password: string, address: string): Promise<NewSession> {
    if (!this.#access.takeSetupLink(secretDigest(link), this.#now())) throw unauthenticated('the setup link is unknown, used or expired');
    const admin: User = { ...user, role: 'admin' };
    this.#users.put('user', admin);
    await this.setPassword(admin.id, password);
    return this.#startSession(admin, address);
  }

  hasPassword(userId: string): boolean {
    return this.#access.passwordHash(userId) !== undefined;
  }

  /** Whether any admin can sign in (has a password). */
  hasAdmin(): boolean {
    return this.#users.list('user').some((user) => user.role === 'admin' && this.#access.passwordHash(user.id) !== undefined);
  }

  #startSession(user: User, address: string): NewSession {
    const secret = newSecret('session');
    const now = this.#now();
    const session: SessionRecord = {
      userId: user.id,
      createdMs: now,
      expiresMs: now + this.#settings.sessionHours * 3_600_000,
      csrfToken: newSecret('session').slice(8),
      address,
    };
    this.#access.deleteExpiredSessions(now);
    this.#access.saveSession(secretDigest(secret), session);
    return { secret, session, user };
  }

  #recordFailure(login: string, previous: number, now: number): void {
    const { maxFailures, baseSeconds, maxSeconds } = this.#settings.lockout;
    const failures = previous + 1;
    const over = failures - maxFailures;
    const lockSeconds = over < 0 ? 0 : Math.min(maxSeconds, baseSeconds * 2 ** over);
    this.#access.saveLoginFailures(login, { failures, lastMs: now, lockedUntilMs: now + lockSeconds * 1000 });
  }

  #touch(tokenId: string, now: number): void {
    if (now - (this.#touched.get(tokenId) ?? -Infinity) < TOUCH_EVERY_MS) return;
    this.#touched.set(tokenId, now);
    this.#access.touchToken(tokenId, now);
  }
}

export function userPrincipal(user: User, via: Principal['via']): Principal {
  return { kind: 'user', userId: user.id, actor: user.id, scopes: scopesOfRole(user.role), teams: user.teams, via };
}

/** Too many failed logins: a 429 that says when to try again. */
export class LockedOut extends OpsError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('OPS_ERR_RATE_LIMITED', [`too many failed logins for this user; try again in ${retryAfterSeconds} s`]);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function unauthenticated(reason: string): OpsError {
  return new OpsError('OPS_ERR_UNAUTHENTICATED', [reason]);
}
