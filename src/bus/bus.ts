/**
 * Typed topics between stages. The in-process implementation is memory/; a NATS JetStream
 * adapter implements the same interface for scale-out.
 */
import type { Alert, Change, Incident, LogRecord, MetricPoint, MinedLog, Signal, SpanRecord } from '../core/records.js';

export interface Topics {
  'telemetry.metrics': readonly MetricPoint[];
  'telemetry.spans': readonly SpanRecord[];
  /** Stored logs: bodies as stored (cut, repaired) and template ids set. */
  'telemetry.logs': readonly LogRecord[];
  /** Each stored log that got a template, published after the batch is stored: what log signals consume. */
  'logs.mined': readonly MinedLog[];
  /** Series opsloop derives itself (RED from spans); kept apart so they never count as a service reporting. */
  'metrics.derived': readonly MetricPoint[];
  signals: readonly Signal[];
  changes: readonly Change[];
  'alerts.changed': readonly Alert[];
  'incidents.changed': readonly Incident[];
}

export type TopicName = keyof Topics;
export type Handler<T extends TopicName> = (message: Topics[T]) => void | Promise<void>;

export interface Bus {
  publish<T extends TopicName>(topic: T, message: Topics[T]): void;
  subscribe<T extends TopicName>(topic: T, handler: Handler<T>): () => void;
  /** Resolves once every message published so far has been handled. */
  drain(): Promise<void>;
  /** Messages accepted but not yet handled; ingest answers 503 above a limit. */
  backlog(): number;
}
