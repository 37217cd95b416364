/**
 * Trace anomalies in the loop (docs/traces.md "Trace anomalies"): every stored span batch goes
 * through the pure TraceAnomalyDetector, and its reports become signals on the bus, folded into
 * alerts and incidents like the metric and log signals. What the detector learned is kept in the
 * store's model state (one row per operation, kind 'trace-operation'), saved with the detector
 * snapshots and restored at start, so a restart keeps the baselines.
 *
 * Episodes are not snapshotted: alerts this source left firing are resolved on the first span
 * batch after a start (an anomaly that still holds fires again within a window or two, as a new
 * episode), so no alert stays firing with nothing left to resolve it.
 */
import type { Logger } from 'pino';
import type { Bus } from '../bus/bus.js';
import type { Signal } from '../core/records.js';
import { traceAnomalySignal } from '../observe/traces/anomalies/anomaly-signal.js';
import { TraceAnomalyDetector } from '../observe/traces/anomalies/trace-anomaly-detector.js';
import type { Store } from '../store/store.js';

const OPERATION_KIND = 'trace-operation';
const SOURCE = 'traces';

type Log = Pick<Logger, 'warn'>;

export interface TraceAnomalies {
  /** Saves the operations observed since the last save; never throws. */
  save(nowMs: number): void;
}

export function runTraceAnomalies(bus: Bus, store: Store, logger?: Log): TraceAnomalies {
  const detector = new TraceAnomalyDetector();
  const rows = store.modelState.loadAll(OPERATION_KIND).map((row) => parse(row.state));
  const { skipped } = detector.restore(rows);
  if (skipped > 0) logger?.warn({ skipped }, 'unreadable trace operation snapshots skipped; those operations relearn');
  let stale: Signal[] | undefined = leftFiring(store);

  bus.subscribe('telemetry.spans', (spans) => {
    const signals = detector.observe(spans).map(traceAnomalySignal);
    if (stale) {
      signals.unshift(...stale);
      stale = undefined;
    }
    if (signals.length > 0) bus.publish('signals', signals);
  });

  return {
    save(nowMs) {
      try {
        const entries = detector.snapshot(true).map((snapshot) => ({
          key: `${snapshot.service}\u0000${snapshot.kind}\u0000${snapshot.name}`,
          kind: OPERATION_KIND,
          state: JSON.stringify(snapshot),
          updatedMs: nowMs,
        }));
        if (entries.length > 0) store.transaction(() => store.modelState.saveMany(entries));
      } catch (error) {
        logger?.warn({ err: error }, 'trace anomaly snapshot failed');
      }
    },
  };
}

/** Resolving signals for the trace alerts a previous run left firing. */
function leftFiring(store: Store): Signal[] | undefined {
  const firing = store.alerts.list({ status: 'firing' }).filter((alert) => alert.source === SOURCE);
  if (firing.length === 0) return undefined;
  return firing.map((alert) => ({
    kind: 'anomaly',
    source: SOURCE,
    fingerprint: alert.fingerprint,
    name: alert.name,
    status: 'resolved',
    severity: alert.severity,
    timeMs: alert.lastSeenMs,
    summary: `${alert.name} not re-judged after a restart`,
    labels: alert.labels,
  }));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
