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
import { buildOtlpReceiver } from '../server/otlp-receiver.js';
import { openSqliteStore } from '../store/sqlite/index.js';
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
  const store = openSqliteStore({ path: join(config.dataDir, 'opsloop.db') });
  const loop = createLoop({ config, store, logger });
  logIncidents(loop, logger);
  const api = await buildApiServer({
    engine: loop,
    config,
    webRoot: webRoot(),
    logger: options.logger === false ? false : logger,
    backlog: () => loop.bus.backlog(),
  });
  const otlp = buildOtlpReceiver({
    sink: loop.telemetry,
    bodyLimitBytes: config.otlp.bodyLimitBytes,
    logger: options.logger === false ? false : logger.child({ component: 'otlp' }),
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
      startMs: options.demo.startMs ?? Date.now() - warmupMinutes * 60_000,
      ...(options.demo.faultCount !== undefined ? { faultCount: options.demo.faultCount } : {}),
      log: (line) => logger.info({ component: 'demo' }, line),
    });
    const running = demo;
    loop.setDemoFaults(() => running.faults());
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
      store.close();
    })();
    return stopping;
  };
  return { apiUrl, otlpUrl, engine: loop, ...(demoDone ? { demoDone } : {}), stop };
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
