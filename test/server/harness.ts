/** A real API server over a real loop and an in-memory SQLite store, for inject() tests. */
import type { FastifyInstance } from 'fastify';
import { createLoop, type Loop, type LoopOptions } from '../../src/app/loop.js';
import { ConfigSchema, type Config, type ConfigInput } from '../../src/core/config.js';
import { buildApiServer } from '../../src/server/api-server.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';

export interface Harness {
  app: FastifyInstance;
  engine: Loop;
  store: Store;
  config: Config;
  close(): Promise<void>;
}

export const FIXED_NOW = Date.parse('2030-01-01T00:00:00Z');

/**
 * `storePath` keeps the store in a file, so a second harness on it sees a restart; `now` is a
 * wall clock a test can move (escalations, throttling). Authentication is off unless the
 * test's config turns it on: test/server/auth covers it, the other tests cover behaviour.
 */
export async function startHarness(options: { config?: ConfigInput; webRoot?: string; storePath?: string; now?: () => number; runbooks?: LoopOptions['runbooks'] } = {}): Promise<Harness> {
  const config = ConfigSchema.parse({ auth: { enabled: false }, ...options.config });
  const store = openSqliteStore({ path: options.storePath ?? ':memory:' });
  const now = options.now ?? (() => FIXED_NOW);
  const engine = createLoop({ config, store, now, ...(options.runbooks ? { runbooks: options.runbooks } : {}) });
  const app = await buildApiServer({
    engine,
    config,
    now,
    backlog: () => engine.bus.backlog(),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  return {
    app,
    engine,
    store,
    config,
    async close() {
      await app.close();
      await engine.close();
      store.close();
    },
  };
}
