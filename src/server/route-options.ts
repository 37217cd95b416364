import type { Engine } from '../app/engine.js';
import type { Config } from '../core/config.js';
import type { Authenticator } from './auth/authenticator.js';
import type { SelfMetrics } from './self-metrics.js';

/** What every route plugin receives. `now` is injectable so tests can pin receive time. */
export interface RouteOptions {
  engine: Engine;
  metrics: SelfMetrics;
  now: () => number;
  /** The live detectors' settings, so a replay for charts scores exactly as the loop does. */
  detector: Config['detector'];
  /** Which routing keys the PagerDuty receiver accepts. */
  pagerduty: Config['pagerduty'];
  /** The service catalog's seed from the configuration file. */
  catalog: Config['catalog'];
  /** Credentials → principals; sign-in, tokens and the setup link (docs/access.md). */
  authenticator: Authenticator;
  /** @fastify/rate-limit settings for sign-in routes: tighter than the rest, per address. */
  loginRateLimit: { max: number; timeWindow: number };
  /** Bus backlog for /metrics; absent when the caller does not expose it. */
  backlog?: () => number;
}
