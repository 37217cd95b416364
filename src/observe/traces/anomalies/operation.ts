/**
 * One operation (service + span name + kind) and everything the trace anomaly detectors know of
 * it: its duration baseline, its error types, its callees and their fan-out. About 1 KB plus
 * ~100 bytes per error type and callee; both lists are capped so a service that puts ids in span
 * names or error messages cannot grow them without bound. Pure.
 */
import type { SpanKind, SpanRecord } from '../../../core/records.js';
import { CallFanOut } from './call-fan-out.js';
import { LatencyBaseline } from './latency-outliers.js';
import type { OperationRef } from './trace-anomaly.js';

/** Error types and callees kept per operation; past this, new ones are neither learned nor alerted. */
export const MAX_PER_OPERATION = 64;

export function operationKey(service: string, kind: SpanKind, name: string): string {
  return `${service}\u0000${kind}\u0000${name}`;
}

/** One callee of an operation: the service called (from peer attributes) and the call's span name. */
export class Callee {
  readonly peer: string | undefined;
  readonly name: string;
  /** For people: "postgres SELECT cart". */
  readonly text: string;
  /** Stable per operation and callee, for fingerprints. */
  readonly key: string;
  readonly fanOut: CallFanOut;

  constructor(op: Operation, peer: string | undefined, name: string, fanOut = new CallFanOut()) {
    this.peer = peer;
    this.name = name;
    this.text = `${peer ?? 'unknown peer'} ${name}`;
    this.key = `${op.key}\u0000${this.text}`;
    this.fanOut = fanOut;
  }
}

export class Operation {
  readonly ref: OperationRef;
  readonly key: string;
  readonly firstSeenMs: number;
  spans: number;
  readonly latency: LatencyBaseline;
  readonly errorTypes: Set<string>;
  /** Few per operation (≤ MAX_PER_OPERATION): a scan beats hashing a key built per call. */
  readonly callees: Callee[] = [];
  /** Seen since the last snapshot. */
  changed = true;

  constructor(ref: OperationRef, firstSeenMs: number, known?: { spans: number; latency: LatencyBaseline; errorTypes: Iterable<string> }) {
    this.ref = ref;
    this.key = operationKey(ref.service, ref.kind, ref.name);
    this.firstSeenMs = firstSeenMs;
    this.spans = known?.spans ?? 0;
    this.latency = known?.latency ?? new LatencyBaseline(firstSeenMs);
    this.errorTypes = new Set(known?.errorTypes);
  }

  callee(peer: string | undefined, name: string): Callee | undefined {
    for (const callee of this.callees) if (callee.name === name && callee.peer === peer) return callee;
    return undefined;
  }

  static of(span: SpanRecord): Operation {
    return new Operation({ service: span.service, name: span.name, kind: span.kind }, span.startMs);
  }

  /** Watched long enough, and on enough spans, that what it has not done before is news. */
  learned(watermarkMs: number, learnMs: number, learnSpans: number): boolean {
    return this.spans >= learnSpans && watermarkMs - this.firstSeenMs >= learnMs;
  }
}
