/**
 * Log signals in the loop: each `logs.mined` batch goes through the pure LogSignals (counts,
 * the metric detector, new templates); its error counts are stored like the RED series, so the
 * metric explorer charts them, and its signals get sample lines from the store before they are
 * published for alerts and incidents.
 */
import type { Bus } from '../../bus/bus.js';
import { ERROR_COUNT_METRIC, type LogSignals } from '../../observe/logs/signals/index.js';
import type { Store } from '../../store/store.js';
import { withLogSamples } from './log-samples.js';

export function runLogSignals(bus: Bus, store: Store, logSignals: LogSignals): void {
  bus.subscribe('logs.mined', (mined) => {
    const { points, signals } = logSignals.observe(mined);
    // Only the error counts are stored (one series per service). Template counts would be a
    // series per template, mostly zeros; GET /api/v1/log-patterns counts them from the logs.
    const stored = points.filter((point) => point.name === ERROR_COUNT_METRIC);
    if (stored.length > 0) store.transaction(() => store.telemetry.insertMetricPoints(stored));
    if (signals.length > 0) bus.publish('signals', signals.map((signal) => withLogSamples(store, signal)));
  });
}
