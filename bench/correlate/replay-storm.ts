/** Replays one recorded storm through opsloop's correlator, or through a baseline model, with the default settings. */
import { ConfigSchema } from '../../src/core/config.js';
import type { ReplayLine } from '../../src/core/replay-record.js';
import type { GroupingModelState } from '../../src/engage/correlate/grouping-model.js';
import { GroupingReplay, type ReplayedAlert } from '../../src/engage/correlate/grouping-replay.js';

/**
 * The defaults plus the one rule a shop running several clusters writes first: never group
 * alerts of different clusters (the demo's own alerts carry no cluster, so it leaves them be).
 */
const SETTINGS = ConfigSchema.parse({
  correlation: {
    rules: [{ name: 'one cluster per incident', separate: 'has(alert.labels.cluster) && has(incident.labels.cluster) && alert.labels.cluster != incident.labels.cluster' }],
  },
}).correlation;

/**
 * The baseline: time-window-only grouping, what a tool without topology or similarity does.
 * Through the same model, weighing time alone: an alert joins an active incident whose last
 * new alert started at most one half-life (90 s) before (score σ(−1 + 2·time) ≥ 0.5 ⇔ time ≥ 0.5).
 */
export const TIME_WINDOW_ONLY: GroupingModelState = { weights: { bias: -1, time: 2, topology: 0, labels: 0, text: 0 }, examples: 0 };

export interface StormReplay {
  alerts: ReplayedAlert[];
  events: number;
}

export function replayStorm(lines: readonly ReplayLine[], model?: GroupingModelState): StormReplay {
  const replay = new GroupingReplay({
    windowMs: SETTINGS.windowSeconds * 1000,
    maxDistance: SETTINGS.maxGraphDistance,
    quietMs: SETTINGS.quietSeconds * 1000,
    threshold: SETTINGS.threshold,
    volatileLabels: SETTINGS.volatileLabels,
    rules: SETTINGS.rules,
    applyFeedback: false,
    ...(model ? { model } : {}),
  });
  for (const line of [...lines].sort((a, b) => a.time - b.time)) replay.push(line);
  const result = replay.result();
  return { alerts: result.alerts, events: result.metrics.events };
}
