import type { Engine } from '../app/engine.js';
import type { SelfMetrics } from './self-metrics.js';

/** What every route plugin receives. `now` is injectable so tests can pin receive time. */
export interface RouteOptions {
  engine: Engine;
  metrics: SelfMetrics;
  now: () => number;
  /** Bus backlog for /metrics; absent when the caller does not expose it. */
  backlog?: () => number;
}
