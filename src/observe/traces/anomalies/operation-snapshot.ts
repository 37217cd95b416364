/**
 * The persisted form of one Operation: plain JSON, the duration histogram as base64 Float32s.
 * Snapshots outlive the code that wrote them, so every restore goes through this schema: a row
 * that is corrupt, or from a version we no longer read, is skipped (that operation relearns from
 * cold start, quietly) instead of poisoning a baseline. Episodes are not kept: after a restart
 * an anomaly that still holds is found again within a window or two. Pure.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from '../../metrics/model/model-state.js';
import { CallFanOut } from './call-fan-out.js';
import { DURATION_BUCKETS, DurationHistogram } from './duration-histogram.js';
import { LatencyBaseline } from './latency-outliers.js';
import { Callee, MAX_PER_OPERATION, Operation } from './operation.js';

/** Bump when the shape or meaning changes; older rows are then skipped, not misread. */
export const OPERATION_SNAPSHOT_VERSION = 1;

const finite = z.number().finite();
const count = finite.min(0);

export const OperationSnapshotSchema = z.object({
  version: z.literal(OPERATION_SNAPSHOT_VERSION),
  service: z.string(),
  name: z.string(),
  kind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']),
  firstSeenMs: finite,
  spans: count,
  durations: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  decayedAtMs: finite,
  errorTypes: z.array(z.string()).max(MAX_PER_OPERATION),
  callees: z.array(z.object({ peer: z.string().optional(), name: z.string(), mean: count, variance: count, parents: count })).max(MAX_PER_OPERATION),
});
export type OperationSnapshot = z.infer<typeof OperationSnapshotSchema>;

export function operationSnapshot(op: Operation): OperationSnapshot {
  const { counts } = op.latency.histogram;
  return {
    version: OPERATION_SNAPSHOT_VERSION,
    ...op.ref,
    firstSeenMs: op.firstSeenMs,
    spans: op.spans,
    durations: toBase64(new Uint8Array(counts.buffer, counts.byteOffset, counts.byteLength)),
    decayedAtMs: op.latency.decayedAtMs,
    errorTypes: [...op.errorTypes],
    callees: op.callees.map(({ peer, name, fanOut }) => ({ ...(peer !== undefined ? { peer } : {}), name, ...fanOut.counts() })),
  };
}

/** The operation a snapshot describes, or undefined when it does not parse or fit. */
export function operationFromSnapshot(value: unknown): Operation | undefined {
  const parsed = OperationSnapshotSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const snapshot = parsed.data;
  const bytes = fromBase64(snapshot.durations);
  if (bytes.byteLength !== DURATION_BUCKETS * 4) return undefined;
  const counts = new Float32Array(bytes.slice().buffer);
  if (counts.some((c) => !Number.isFinite(c) || c < 0)) return undefined;
  const op = new Operation({ service: snapshot.service, name: snapshot.name, kind: snapshot.kind }, snapshot.firstSeenMs, {
    spans: snapshot.spans,
    latency: new LatencyBaseline(snapshot.decayedAtMs, new DurationHistogram(counts)),
    errorTypes: snapshot.errorTypes,
  });
  for (const { peer, name, ...usual } of snapshot.callees) op.callees.push(new Callee(op, peer, name, new CallFanOut(usual)));
  return op;
}
