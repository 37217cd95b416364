/**
 * The durable front door for telemetry: refuse when analysis is too far behind, otherwise
 * write the batch (and who reported) in one transaction, and only then publish it, so a 2xx
 * from a receiver means stored.
 */
import type { Bus } from '../bus/bus.js';
import { OpsError } from '../core/errors.js';
import type { TelemetryBatch, TelemetrySink } from '../ingest/sink.js';
import type { Store } from '../store/store.js';

export function createTelemetrySink(store: Store, bus: Bus, maxBacklog: number): TelemetrySink {
  return {
    accept(batch: TelemetryBatch) {
      const backlog = bus.backlog();
      if (backlog > maxBacklog) {
        throw new OpsError('OPS_ERR_OVERLOADED', [`${backlog} batches waiting for analysis`]);
      }
      store.transaction(() => {
        if (batch.metrics?.length) store.telemetry.insertMetricPoints(batch.metrics);
        if (batch.spans?.length) store.telemetry.insertSpans(batch.spans);
        if (batch.logs?.length) store.telemetry.insertLogs(batch.logs);
        const seen = new Map<string, number>();
        for (const record of [...(batch.metrics ?? []), ...(batch.logs ?? [])]) {
          seen.set(record.service, Math.max(seen.get(record.service) ?? 0, record.timeMs));
        }
        for (const span of batch.spans ?? []) seen.set(span.service, Math.max(seen.get(span.service) ?? 0, span.startMs));
        if (seen.size > 0) store.topology.touchServices([...seen].map(([name, lastSeenMs]) => ({ name, lastSeenMs })));
      });
      if (batch.spans?.length) bus.publish('telemetry.spans', batch.spans);
      if (batch.metrics?.length) bus.publish('telemetry.metrics', batch.metrics);
      if (batch.logs?.length) bus.publish('telemetry.logs', batch.logs);
    },
  };
}
