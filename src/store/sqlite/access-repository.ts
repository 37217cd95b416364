import type { AccessRepository, ApiTokenRecord, LoginFailures, SessionRecord } from '../store.js';
import type { SqliteConnection } from './connection.js';

const PASSWORD = 'SELECT password_hash AS hash FROM credentials WHERE user_id = ?';
const SET_PASSWORD = `INSERT INTO credentials (user_id, password_hash, updated_ms) VALUES (?, ?, ?)
  ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_ms = excluded.updated_ms`;
const DELETE_PASSWORD = 'DELETE FROM credentials WHERE user_id = ?';
const SAVE_TOKEN = `INSERT INTO api_tokens (id, secret_hash, owner_id, created_ms, record) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET record = excluded.record`;
const TOKEN_BY_SECRET = 'SELECT record FROM api_tokens WHERE secret_hash = ?';
const TOKEN = 'SELECT record FROM api_tokens WHERE id = ?';
const TOKENS = `SELECT record FROM api_tokens WHERE (@ownerId IS NULL OR owner_id = @ownerId) ORDER BY created_ms DESC, id`;
const SAVE_SESSION = `INSERT INTO sessions (secret_hash, user_id, expires_ms, record) VALUES (?, ?, ?, ?)
  ON CONFLICT (secret_hash) DO UPDATE SET expires_ms = excluded.expires_ms, record = excluded.record`;
const SESSION = 'SELECT record FROM sessions WHERE secret_hash = ?';
const DELETE_SESSION = 'DELETE FROM sessions WHERE secret_hash = ?';
const DELETE_SESSIONS_OF = 'DELETE FROM sessions WHERE user_id = ?';
const DELETE_EXPIRED = 'DELETE FROM sessions WHERE expires_ms <= ?';
const FAILURES = 'SELECT failures, last_ms AS lastMs, locked_until_ms AS lockedUntilMs FROM login_failures WHERE login = ?';
const SAVE_FAILURES = `INSERT INTO login_failures (login, failures, last_ms, locked_until_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, last_ms = excluded.last_ms, locked_until_ms = excluded.locked_until_ms`;
const CLEAR_FAILURES = 'DELETE FROM login_failures WHERE login = ?';
const SAVE_SETUP = 'INSERT OR REPLACE INTO setup_links (secret_hash, expires_ms) VALUES (?, ?)';
const SETUP = 'SELECT expires_ms AS expiresMs FROM setup_links WHERE secret_hash = ?';
const CLEAR_SETUP = 'DELETE FROM setup_links';

/** Access control on SQLite: secrets only as digests; records as JSON beside their lookup columns. */
export class SqliteAccessRepository implements AccessRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  passwordHash(userId: string): string | undefined {
    return (this.#conn.statement(PASSWORD).get(userId) as { hash: string } | undefined)?.hash;
  }

  setPasswordHash(userId: string, hash: string, nowMs: number): void {
    this.#conn.statement(SET_PASSWORD).run(userId, hash, nowMs);
  }

  deletePassword(userId: string): void {
    this.#conn.statement(DELETE_PASSWORD).run(userId);
  }

  saveToken(token: ApiTokenRecord, secretHash: string): void {
    this.#conn.statement(SAVE_TOKEN).run(token.id, secretHash, token.ownerId ?? null, token.createdMs, JSON.stringify(token));
  }

  tokenBySecretHash(secretHash: string): ApiTokenRecord | undefined {
    return this.#record<ApiTokenRecord>(TOKEN_BY_SECRET, secretHash);
  }

  token(id: string): ApiTokenRecord | undefined {
    return this.#record<ApiTokenRecord>(TOKEN, id);
  }

  tokens(filter: { ownerId?: string } = {}): ApiTokenRecord[] {
    const rows = this.#conn.statement(TOKENS).all({ ownerId: filter.ownerId ?? null }) as Array<{ record: string }>;
    return rows.map((row) => JSON.parse(row.record) as ApiTokenRecord);
  }

  revokeToken(id: string, nowMs: number): boolean {
    const token = this.token(id);
    if (token === undefined || token.revokedMs !== undefined) return false;
    this.#update(token, { revokedMs: nowMs });
    return true;
  }

  touchToken(id: string, nowMs: number): void {
    const token = this.token(id);
    if (token !== undefined) this.#update(token, { lastUsedMs: nowMs });
  }

  saveSession(secretHash: string, session: SessionRecord): void {
    this.#conn.statement(SAVE_SESSION).run(secretHash, session.userId, session.expiresMs, JSON.stringify(session));
  }

  session(secretHash: string): SessionRecord | undefined {
    return this.#record<SessionRecord>(SESSION, secretHash);
  }

  deleteSession(secretHash: string): void {
    this.#conn.statement(DELETE_SESSION).run(secretHash);
  }

  deleteSessionsOf(userId: string): number {
    return this.#conn.statement(DELETE_SESSIONS_OF).run(userId).changes;
  }

  deleteExpiredSessions(nowMs: number): number {
    return this.#conn.statement(DELETE_EXPIRED).run(nowMs).changes;
  }

  loginFailures(login: string): LoginFailures | undefined {
    return this.#conn.statement(FAILURES).get(login) as LoginFailures | undefined;
  }

  saveLoginFailures(login: string, state: LoginFailures): void {
    this.#conn.statement(SAVE_FAILURES).run(login, state.failures, state.lastMs, state.lockedUntilMs);
  }

  clearLoginFailures(login: string): void {
    this.#conn.statement(CLEAR_FAILURES).run(login);
  }

  saveSetupLink(secretHash: string, expiresMs: number): void {
    this.#conn.statement(SAVE_SETUP).run(secretHash, expiresMs);
  }

  takeSetupLink(secretHash: string, nowMs: number): boolean {
    return this.#conn.transaction(() => {
      const row = this.#conn.statement(SETUP).get(secretHash) as { expiresMs: number } | undefined;
      if (row === undefined) return false;
      this.#conn.statement(CLEAR_SETUP).run();
      return row.expiresMs > nowMs;
    });
  }

  #update(token: ApiTokenRecord, change: Partial<ApiTokenRecord>): void {
    const hash = this.#conn.statement('SELECT secret_hash AS hash FROM api_tokens WHERE id = ?').get(token.id) as { hash: string };
    this.saveToken({ ...token, ...change }, hash.hash);
  }

  #record<T>(sql: string, key: string): T | undefined {
    const row = this.#conn.statement(sql).get(key) as { record: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.record) as T);
  }
}
