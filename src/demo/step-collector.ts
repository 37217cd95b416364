/**
 * What one simulated step produced before it is shaped into OTLP: spans per instance, the
 * requests each instance served (for metrics), log lines, and database load. Pure.
 */
import type { Instance } from './instances.js';
import type { SpanJson } from './otlp-json.js';
import type { Operation } from './topology.js';

export interface ServedRequest {
  instance: Instance;
  operation: Operation;
  /** HTTP status for HTTP servers; 0 for message consumers. */
  statusCode: number;
  error: boolean;
  durationMs: number;
  /** Own processing that burns CPU; injected waiting (latency faults) is excluded. */
  cpuMs: number;
}

export type Severity = 'INFO' | 'WARN' | 'ERROR';

export interface LogEntry {
  instance: Instance;
  timeMs: number;
  severity: Severity;
  body: string;
  traceId?: string;
  spanId?: string;
}

/** A request that went well and could be the subject of an INFO line, rendered only if sampled. */
export interface InfoCandidate {
  instance: Instance;
  operation: Operation;
  timeMs: number;
  traceId: string;
  spanId: string;
  productId: string;
  userId: string;
  path: string;
  statusCode: number;
  durationMs: number;
}

export class StepCollector {
  readonly spans = new Map<Instance, SpanJson[]>();
  readonly served: ServedRequest[] = [];
  readonly logs: LogEntry[] = [];
  readonly infoCandidates = new Map<Instance, InfoCandidate[]>();
  dbQueries = 0;
  dbWrites = 0;

  addSpan(instance: Instance, span: SpanJson): void {
    const list = this.spans.get(instance);
    if (list) list.push(span);
    else this.spans.set(instance, [span]);
  }

  addInfoCandidate(candidate: InfoCandidate): void {
    const list = this.infoCandidates.get(candidate.instance);
    if (list) list.push(candidate);
    else this.infoCandidates.set(candidate.instance, [candidate]);
  }
}
