/**
 * An API server with sign-in on, three people (viewer, responder, admin; the first two in team
 * "payments"), a token for each and an ingest key: what the access tests call with.
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../src/core/access.js';
import { createLoop, type Loop } from '../../../src/app/loop.js';
import { ConfigSchema, type ConfigInput } from '../../../src/core/config.js';
import { buildApiServerWithAccess } from '../../../src/server/api-server.js';
import type { AccessControl } from '../../../src/server/auth/access-control.js';
import type { Authenticator } from '../../../src/server/auth/authenticator.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import type { Store } from '../../../src/store/store.js';
import { FIXED_NOW } from '../harness.js';

export const PASSWORD = 'correct horse battery staple';

export interface AuthHarness {
  app: FastifyInstance;
  access: AccessControl;
  authenticator: Authenticator;
  engine: Loop;
  store: Store;
  /** Bearer tokens by role, and `ingest` for an integration key. */
  tokens: Record<Role | 'ingest', string>;
  clock: { now: number };
  close(): Promise<void>;
}

export async function startAuthHarness(config: ConfigInput = {}): Promise<AuthHarness> {
  const parsed = ConfigSchema.parse({ ...config, auth: { enabled: true, ...config.auth } });
  const store = openSqliteStore({ path: ':memory:' });
  const clock = { now: FIXED_NOW };
  const now = () => clock.now;
  const engine = createLoop({ config: parsed, store, now });
  const { app, access, authenticator } = await buildApiServerWithAccess({ engine, config: parsed, now });
  const tokens = {} as Record<Role | 'ingest', string>;
  for (const role of ['viewer', 'responder', 'admin'] as const) {
    store.notify.put('user', { id: role, name: role, timeZone: 'UTC', role, teams: role === 'admin' ? [] : ['payments'] });
    await authenticator.setPassword(role, PASSWORD);
    tokens[role] = authenticator.createToken({ name: `${role} cli`, scopes: [role === 'viewer' ? 'read' : role === 'responder' ? 'respond' : 'admin'], ownerId: role, createdBy: 'test' }).secret;
  }
  tokens.ingest = authenticator.createToken({ name: 'collector', scopes: ['ingest'], createdBy: 'test' }).secret;
  return {
    app,
    access,
    authenticator,
    engine,
    store,
    tokens,
    clock,
    async close() {
      await app.close();
      await engine.close();
      store.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
