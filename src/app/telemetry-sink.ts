/**
 * The durable front door for telemetry: refuse when analysis is too far behind, otherwise
 * mine log templates, write the batch (and who reported) in one transaction, and only then
 * publish it, so a 2xx from a receiver means stored. A batch of spans alone goes to the
 * store's span writer thread when it has one: the main thread decodes and analyses other
 * batches meanwhile, and the batch is published when the writer has committed it.
 */
import type { Bus } from '../bus/bus.js';
import { OpsError } from '../core/errors.js';
import type { TelemetryBatch, TelemetrySink } from '../ingest/sink.js';
import type { EntityRef, SpanRecord } from '../core/records.js';
import type { InstanceInfo, ServiceInfo, SpanWriter, Store } from '../store/store.js';
import type { LogMining } from './logs/log-mining.js';

export interface TelemetrySinkOptions {
  /** Bus messages waiting above which batches are refused (config ingest.maxBacklog). */
  maxBacklog: number;
  /** Span batches waiting for the span writer thread above which batches are refused (config ingest.maxSpanWrites). */
  maxSpanWrites: number;
  logMining: LogMining;
}

export function createTelemetrySink(store: Store, bus: Bus, options: TelemetrySinkOptions): TelemetrySink {
  return {
    accept(batch: TelemetryBatch) {
      const backlog = bus.backlog();
      if (backlog > options.maxBacklog) {
        throw new OpsError('OPS_ERR_OVERLOADED', [`${backlog} batches waiting for analysis`]);
      }
      const writer = store.spanWriter;
      if (writer && batch.spans?.length && !batch.metrics?.length && !batch.logs?.length) {
        return acceptSpansOffThread(writer, batch.spans, batch.spansBody);
      }
      const logs = batch.logs?.length ? options.logMining.mine(batch.logs) : undefined;
      // Spans of a request stored before (a resend) are neither stored nor analysed again.
      let spans = batch.spans?.length ? batch.spans : undefined;
      store.transaction(() => {
        if (batch.metrics?.length) store.telemetry.insertMetricPoints(batch.metrics);
        if (spans && !store.telemetry.insertSpans(spans, batch.spansBody ? { batchBody: batch.spansBody } : {})) spans = undefined;
        if (logs) {
          store.telemetry.insertLogs(logs.logs);
          store.logs.recordTemplates(logs.templates);
        }
        const services = servicesOf({ ...batch, spans });
        if (services.length > 0) store.topology.touchServices(services);
        const instances = instancesOf({ ...batch, spans });
        if (instances.length > 0) store.topology.touchInstances(instances);
      });
      if (spans) bus.publish('telemetry.spans', spans);
      if (batch.metrics?.length) bus.publish('telemetry.metrics', batch.metrics);
      if (logs) {
        bus.publish('telemetry.logs', logs.logs);
        if (logs.mined.length > 0) bus.publish('logs.mined', logs.mined);
      }
    },
  };

  /** Throws (rather than rejects) when refusing, as the in-line path does. */
  function acceptSpansOffThread(writer: SpanWriter, spans: SpanRecord[], body: Uint8Array | undefined): Promise<void> {
    // Refused before anything is queued, so the writer's queue stays bounded.
    if (writer.queued >= options.maxSpanWrites) {
      throw new OpsError('OPS_ERR_OVERLOADED', [`${writer.queued} span batches waiting to be stored`]);
    }
    const write = { spans, ...(body ? { batchBody: body } : {}), services: servicesOf({ spans }), instances: instancesOf({ spans }) };
    return writer.write(write).then((stored) => {
      if (stored) bus.publish('telemetry.spans', spans);
    });
  }
}

/** Each service the batch reports, with its newest time. */
function servicesOf(batch: TelemetryBatch): ServiceInfo[] {
  const seen = new Map<string, number>();
  for (const record of [...(batch.metrics ?? []), ...(batch.logs ?? [])]) {
    seen.set(record.service, Math.max(seen.get(record.service) ?? 0, record.timeMs));
  }
  for (const span of batch.spans ?? []) seen.set(span.service, Math.max(seen.get(span.service) ?? 0, span.startMs));
  return [...seen].map(([name, lastSeenMs]) => ({ name, lastSeenMs }));
}

/**
 * The instances a batch reports, with their host and newest time. Records of one resource
 * arrive together, so only a change of entity from one record to the next costs a map lookup:
 * this stays cheap on the span path.
 */
function instancesOf(batch: TelemetryBatch): InstanceInfo[] {
  const found = new Map<string, InstanceInfo>();
  let last: EntityRef | undefined;
  let entry: InstanceInfo | undefined;
  const see = (record: EntityRef, timeMs: number) => {
    if (record.instance === undefined) return;
    if (last === undefined || record.service !== last.service || record.instance !== last.instance || record.host !== last.host) {
      const key = `${record.service}\u0000${record.instance}`;
      entry = found.get(key);
      if (!entry) {
        entry = { service: record.service, instance: record.instance, ...(record.host !== undefined ? { host: record.host } : {}), lastSeenMs: timeMs };
        found.set(key, entry);
      }
    }
    last = record;
    if (entry && timeMs > entry.lastSeenMs) entry.lastSeenMs = timeMs;
  };
  for (const span of batch.spans ?? []) see(span, span.startMs);
  for (const point of batch.metrics ?? []) see(point, point.timeMs);
  for (const log of batch.logs ?? []) see(log, log.timeMs);
  return [...found.values()];
}

