/**
 * Starts opsloop: the store, the loop, the API server (UI + /api/v1) and the OTLP receiver,
 * and optionally the demo shop feeding it through the public OTLP endpoint.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { Config } from '../core/config.js';
import { createDemo } from '../demo/index.js';
import { buildApiServer } from '../server/api-server.js';
import { Authenticator } from '../server/auth/authenticator.js';
import { ensureFirstAdmin } from '../server/auth/first-admin.js';
import { buildOtlpReceiver } from '../server/otlp-receiver.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import type { Engine } from './engine.js';
import { createLoop, type Loop } from './loop.js';

export interface DemoOptions {
  speed: number;
  seed: number;
  /** Simulated history sent before pacing starts, in minutes (default 20). */
  warmupMinutes?: number;
  /** Simulated start time, epoch ms (default now minus the warm-up). */
  startMs?: number;
  /** Stop after this many faults (default: keep going). */
  faultCount?: number;
  /** How long a fault lasts unless a runbook ends it first, in minutes (default 3). */
  faultMinutes?: number;
  /** Simulated time at which the demo stops sending (default: never). */
  untilMs?: number;
}

export interface StartOptions {
  demo?: DemoOptions;
  /** false silences the request logs (tests); default logs at config.logLevel. */
  logger?: boolean;
}

export interface RunningOpsloop {
  apiUrl: string;
  otlpUrl: string;
  engine: Engine;
  /** The demo's run, when one was started: resolves when it finishes or is stopped. */
  demoDone?: Promise<void>;
  stop(): Promise<void>;
}

export async function startOpsloop(config: Config, options: StartOptions = {}): Promise<RunningOpsloop> {
  const logger = pino({ level: options.logger === false ? 'silent' : config.logLevel });
  const store = openSqliteStore({ path: join(config.dataDir, 'opsloop.db'), spanWriterThread: config.ingest.spanWriterThread });
  const loop = createLoop({ config, store, logger });
  logIncidents(loop, logger);
  const authenticator = new Authenticator({ access: store.access, users: store.notify, settings: config.auth, now: Date.now });
  const api = await buildApiServer({
    engine: loop,
    config,
    authenticator,
    webRoot: webRoot(),
    logger: options.logger === false ? false : logger,
    backlog: () => loop.bus.backlog(),
  });
  const otlp = buildOtlpReceiver({
    sink: loop.telemetry,
    bodyLimitBytes: config.otlp.bodyLimitBytes,
    logger: options.logger === false ? false : logger.child({ component: 'otlp' }),
    authenticator,
    spanAttributes: loop.spanAttributesRead,
  });
  try {
    await api.listen({ host: config.api.host, port: config.api.port });
    await otlp.listen({ host: config.otlp.host, port: config.otlp.port });
  } catch (error) {
    await Promise.allSettled([api.close(), otlp.close()]);
    store.close();
    throw error;
  }
  const apiUrl = urlOf(config.api.host, api.server.address());
  const otlpUrl = urlOf(config.otlp.host, otlp.server.address());
  await announceAccess(authenticator, store, config, config.notifications.publicUrl ?? apiUrl, logger);

  let demo: ReturnType<typeof createDemo> | undefined;
  let demoDone: Promise<void> | undefined;
  if (options.demo) {
    const warmupMinutes = options.demo.warmupMinutes ?? 20;
    demo = createDemo({
      otlpUrl,
      apiUrl,
      seed: options.demo.seed,
      speed: options.demo.speed,
      warmupMinutes,
      ...(config.auth.enabled ? { ingestToken: demoIngestToken(authenticator) } : {}),
      startMs: options.demo.startMs ?? Date.now() - warmupMinutes * 60_000,
      ...(options.demo.faultCount !== undefined ? { faultCount: options.demo.faultCount } : {}),
      ...(options.demo.faultMinutes !== undefined ? { faultMinutes: options.demo.faultMinutes } : {}),
      log: (line) => logger.info({ component: 'demo' }, line),
    });
    const running = demo;
    loop.setDemo(running);
    demoDone = running
      .run(options.demo.untilMs !== undefined ? { untilMs: options.demo.untilMs } : {})
      .catch((error: unknown) => logger.error({ err: error }, 'demo stopped'));
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      demo?.stop();
      await demoDone;
      // Stop taking input first, then let the loop finish what it accepted, then close the store.
      await otlp.close();
      await api.close();
      await loop.close();
      await store.spanWriter?.close();
      store.close();
    })();
    return stopping;
  };
  return { apiUrl, otlpUrl, engine: loop, ...(demoDone ? { demoDone } : {}), stop };
}

/** Says on the console how people get in: the setup link, or that authentication is off. */
async function announceAccess(authenticator: Authenticator, store: Store, config: Config, baseUrl: string, logger: Logger): Promise<void> {
  if (!config.auth.enabled) {
    logger.warn('authentication is off: anyone who can reach the API acts as an admin (docs/access.md)');
    return;
  }
  const setupLink = await ensureFirstAdmin(authenticator, store.notify, config.auth, baseUrl.replace(/\/+$/, ''));
  if (setupLink !== undefined) {
    logger.warn(`no admin can sign in yet: open ${setupLink} within ${config.auth.setupLinkMinutes} minutes to create one (or set OPSLOOP_ADMIN_PASSWORD)`);
  }
}

/** The demo's own sender gets an ingest key for a day, like any other sender. */
function demoIngestToken(authenticator: Authenticator): string {
  return authenticator.createToken({ name: 'demo sender', scopes: ['ingest'], createdBy: 'opsloop demo', expiresMs: Date.now() + 86_400_000 }).secret;
}

/** One log line when an incident opens, changes its top cause or resolves: what an operator tails. */
function logIncidents(loop: Loop, logger: Logger): void {
  const told = new Map<string, string>();
  loop.bus.subscribe('incidents.changed', (incidents) => {
    for (const incident of incidents) {
      const top = incident.causes[0];
      const state = `${incident.status}|${top?.service ?? ''}`;
      if (told.get(incident.id) === state) continue;
      told.set(incident.id, state);
      const cause = top ? `; likely root cause ${top.service} (${top.indicator}, score ${top.score.toFixed(2)})` : '';
      logger.info({ incident: incident.id }, `incident ${incident.status}: ${incident.title}${cause}`);
    }
  });
}

function urlOf(host: string, address: ReturnType<import('node:net').Server['address']>): string {
  const port = typeof address === 'object' && address ? address.port : 0;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The built UI: web/dist next to the sources, whether running from src/ (tsx) or dist/src/. */
function webRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = resolve(dir, 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
