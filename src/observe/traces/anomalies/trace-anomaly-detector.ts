/**
 * Trace anomalies (docs/traces.md "Trace anomalies"): latency outliers per operation against its
 * own distribution, new error types, and changed call patterns (new calls, fan-out changes).
 * Pure and streaming: batches of span records in, anomaly reports out; time is event time, the
 * newest span start seen (the watermark), so replaying the same spans gives the same reports.
 *
 * Per span the work is a few Map lookups and increments; judging happens once per window
 * (`windowMs`) per operation that had spans or an open episode. Memory is bounded by the
 * operation cap (least recently seen forgotten first) and the caps of each part.
 *
 * Cold start: an operation only learns for `learnMs` of event time and `learnSpans` spans, so
 * neither a fresh start nor a restart without a snapshot makes an alert storm; with a snapshot
 * (snapshot/restore) the learned operations alarm at once.
 */
import type { SpanRecord } from '../../../core/records.js';
import { CallChildren, type CallGroup } from './call-children.js';
import { errorTypeOf } from './error-type.js';
import { newCallReport, newErrorReport, type NewThing } from './novelty-reports.js';
import { NoveltyWatch } from './novelty-watch.js';
import { Callee, MAX_PER_OPERATION, Operation } from './operation.js';
import { operationFromSnapshot, operationSnapshot, type OperationSnapshot } from './operation-snapshot.js';
import { DEFAULT_TRACE_ANOMALY_SETTINGS, type TraceAnomaly, type TraceAnomalySettings } from './trace-anomaly.js';

export class TraceAnomalyDetector {
  readonly #settings: TraceAnomalySettings;
  /** By key, in least recently seen order (for the cap and snapshots). */
  readonly #operations = new Map<string, Operation>();
  /** The same operations by service, then span name, then kind: the per-span lookup allocates no key. */
  readonly #byService = new Map<string, Map<string, Operation[]>>();
  readonly #children = new CallChildren();
  /** Per batch: each span's operation, by index, for joining calls to their parents. */
  #batchOps: Operation[] = [];
  readonly #newErrors: NoveltyWatch<NewThing>;
  readonly #newCalls: NoveltyWatch<NewThing>;
  #watermarkMs = Number.NEGATIVE_INFINITY;
  #windowEndMs = Number.NEGATIVE_INFINITY;

  constructor(settings: Partial<TraceAnomalySettings> = {}) {
    this.#settings = { ...DEFAULT_TRACE_ANOMALY_SETTINGS, ...settings };
    this.#newErrors = new NoveltyWatch(this.#settings.noveltyAlertsPerHour);
    this.#newCalls = new NoveltyWatch(this.#settings.noveltyAlertsPerHour);
  }

  get operations(): number {
    return this.#operations.size;
  }

  observe(spans: readonly SpanRecord[]): TraceAnomaly[] {
    const reports: TraceAnomaly[] = [];
    const ops = this.#batchOps;
    ops.length = 0;
    for (const span of spans) {
      if (span.startMs >= this.#windowEndMs) {
        if (this.#windowEndMs !== Number.NEGATIVE_INFINITY) reports.push(...this.#closeWindow());
        this.#windowEndMs = (Math.floor(span.startMs / this.#settings.windowMs) + 1) * this.#settings.windowMs;
      }
      if (span.startMs > this.#watermarkMs) this.#watermarkMs = span.startMs;
      const op = this.#operation(span);
      op.spans += 1;
      op.latency.observe(span);
      if (span.status === 'error') this.#error(op, span);
      if (span.kind === 'client' || span.kind === 'producer') this.#children.addCall(span, this.#watermarkMs);
      ops.push(op);
    }
    this.#settleCalls(spans);
    return reports;
  }

  #operation(span: SpanRecord): Operation {
    const byName = this.#byService.get(span.service);
    const ops = byName?.get(span.name);
    if (ops !== undefined) {
      for (const op of ops) if (op.ref.kind === span.kind) return op;
    }
    const op = Operation.of(span);
    this.#add(op);
    return op;
  }

  #add(op: Operation): void {
    const { service, name } = op.ref;
    let byName = this.#byService.get(service);
    if (byName === undefined) {
      byName = new Map();
      this.#byService.set(service, byName);
    }
    const ops = (byName.get(name) ?? []).filter((known) => known.key !== op.key);
    ops.push(op);
    byName.set(name, ops);
    this.#operations.delete(op.key);
    this.#operations.set(op.key, op);
  }

  #forget(op: Operation): void {
    this.#operations.delete(op.key);
    const byName = this.#byService.get(op.ref.service);
    const ops = byName?.get(op.ref.name)?.filter((known) => known !== op);
    if (!byName || !ops) return;
    if (ops.length > 0) byName.set(op.ref.name, ops);
    else byName.delete(op.ref.name);
    if (byName.size === 0) this.#byService.delete(op.ref.service);
  }

  #learned(op: Operation): boolean {
    return op.learned(this.#watermarkMs, this.#settings.learnMs, this.#settings.learnSpans);
  }

  #error(op: Operation, span: SpanRecord): void {
    const type = errorTypeOf(span);
    const key = `${op.key}\u0000${type}`;
    const exemplar = { traceId: span.traceId, spanId: span.spanId, durationMs: span.durationMs, ...(span.instance !== undefined ? { instance: span.instance } : {}) };
    if (op.errorTypes.has(type)) {
      if (this.#newErrors.size > 0) this.#newErrors.hit(key, span.startMs, exemplar);
      return;
    }
    if (op.errorTypes.size >= MAX_PER_OPERATION) return;
    op.errorTypes.add(type);
    if (this.#learned(op)) this.#newErrors.start(key, { service: op.ref.service, subject: { key, op: op.ref, what: type }, counter: op }, span.startMs, exemplar);
  }

  /** Parents whose calls have settled: fan-out per callee, and callees never seen before. */
  #settleCalls(spans: readonly SpanRecord[]): void {
    this.#children.settle(spans, (index, group) => {
      const op = this.#batchOps[index];
      // A client span's children are the callee's server spans, whose service its peer attributes already name.
      if (op === undefined || op.ref.kind === 'client' || op.ref.kind === 'producer') return false;
      for (let i = 0; i < group.names.length; i++) this.#call(op, group, i);
      return true;
    }, this.#watermarkMs);
  }

  #call(op: Operation, group: CallGroup, i: number): void {
    const peer = group.peers[i];
    const name = group.names[i] as string;
    const calls = group.counts[i] ?? 0;
    let callee = op.callee(peer, name);
    if (callee === undefined) {
      if (op.callees.length >= MAX_PER_OPERATION) return;
      callee = new Callee(op, peer, name);
      op.callees.push(callee);
      if (this.#learned(op)) {
        const first = { service: op.ref.service, subject: { key: callee.key, op: op.ref, what: callee.text }, counter: op };
        this.#newCalls.start(callee.key, first, group.firstMs, { traceId: group.traceId, spanId: group.parentSpanId, calls });
      }
    } else if (this.#newCalls.size > 0) {
      this.#newCalls.hit(callee.key, group.firstMs, { traceId: group.traceId, spanId: group.parentSpanId, calls });
    }
    callee.fanOut.observe(calls, group.traceId, group.parentSpanId);
  }

  /** Judges the window ending at #windowEndMs for every operation with something to judge. */
  #closeWindow(): TraceAnomaly[] {
    const reports: TraceAnomaly[] = [];
    const endMs = this.#windowEndMs;
    const startMs = endMs - this.#settings.windowMs;
    const busy: Operation[] = [];
    for (const op of this.#operations.values()) {
      const learned = this.#learned(op);
      let active = false;
      if (op.latency.busy) {
        active = true;
        const report = op.latency.close(op.ref, op.key, startMs, endMs, learned);
        if (report) reports.push(report);
      }
      for (const { fanOut, key, text } of op.callees) {
        if (!fanOut.busy) continue;
        active = true;
        const report = fanOut.close(op.ref, key, text, startMs, endMs, learned);
        if (report) reports.push(report);
      }
      if (active) busy.push(op);
    }
    for (const change of this.#newErrors.review(endMs)) reports.push(newErrorReport(change, endMs));
    for (const change of this.#newCalls.review(endMs)) reports.push(newCallReport(change, endMs));
    this.#keepRecent(busy);
    return reports;
  }

  /** Moves this window's operations to the back of the map, then forgets the front beyond the cap. */
  #keepRecent(busy: readonly Operation[]): void {
    for (const op of busy) {
      op.changed = true;
      this.#operations.delete(op.key);
      this.#operations.set(op.key, op);
    }
    while (this.#operations.size > this.#settings.maxOperations) {
      this.#forget(this.#operations.values().next().value as Operation);
    }
  }

  /** What each operation has learned, least recently seen first; `onlyChanged` skips those idle since the last call. */
  snapshot(onlyChanged = false): OperationSnapshot[] {
    const snapshots: OperationSnapshot[] = [];
    for (const op of this.#operations.values()) {
      if (onlyChanged && !op.changed) continue;
      op.changed = false;
      snapshots.push(operationSnapshot(op));
    }
    return snapshots;
  }

  /** Adds operations from snapshots, oldest first; a snapshot that does not parse is skipped (that operation relearns). */
  restore(snapshots: readonly unknown[]): { restored: number; skipped: number } {
    let restored = 0;
    for (const snapshot of snapshots) {
      const op = operationFromSnapshot(snapshot);
      if (!op) continue;
      this.#add(op);
      restored += 1;
    }
    this.#keepRecent([]);
    return { restored, skipped: snapshots.length - restored };
  }
}
