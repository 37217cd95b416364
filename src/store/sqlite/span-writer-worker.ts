/**
 * The span writer thread (span-writer-thread.ts has the main side). It stores the batches it is
 * sent, spans together with the services and instances that reported them, and answers each once
 * committed. Batches that arrived while the previous commit ran are committed together (a group
 * commit): committing writes every page a transaction dirtied to the WAL, about as much work as
 * the inserts themselves, and consecutive batches dirty many of the same index pages.
 * What the loop derives from spans (RED points, edges) comes here too, after the spans it came
 * from, so that the main thread never waits for this thread's write lock on the span path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteConnection } from './connection.js';
import { openDatabase } from './open-database.js';
import type { AnalysisWriteRequest, SpanWriteReply, SpanWriteRequest, SpanWriterMessage } from './span-writer-thread.js';
import { SqliteTelemetryRepository } from './telemetry-repository.js';
import { SqliteTopologyRepository } from './topology-repository.js';

const port = parentPort;
if (port === null) throw new Error('span-writer-worker runs as a worker thread');
const { path } = workerData as { path: string };
const conn = new SqliteConnection(openDatabase(path), path);
const telemetry = new SqliteTelemetryRepository(conn);
const topology = new SqliteTopologyRepository(conn);

type Request = SpanWriteRequest | AnalysisWriteRequest;

/** False when the batch was stored before (same digest). */
function store(request: Request): boolean {
  if (request.kind === 'analysis') {
    if (request.edges.length > 0) topology.saveEdges(request.edges);
    if (request.points.length > 0) telemetry.insertMetricPoints(request.points);
    return true;
  }
  if (!telemetry.insertPackedSpans(request.packed)) return false;
  if (request.services.length > 0) topology.touchServices(request.services);
  if (request.instances.length > 0) topology.touchInstances(request.instances);
  return true;
}

/** One transaction for the group; if it fails, each batch alone, so one bad batch fails only itself. */
function storeGroup(group: readonly Request[]): SpanWriteReply[] {
  try {
    const stored = conn.transaction(() => group.map(store));
    return group.map((request, i) => ({ id: request.id, stored: stored[i] as boolean }));
  } catch (error) {
    if (group.length === 1) return [{ id: (group[0] as Request).id, error: error instanceof Error ? error.message : String(error) }];
    return group.flatMap((request) => storeGroup([request]));
  }
}

let waiting: Request[] = [];
let closeAfter = false;

/** Runs once the messages already received have all been delivered (setImmediate follows them). */
function flush(): void {
  const group = waiting;
  waiting = [];
  if (group.length > 0) for (const reply of storeGroup(group)) port?.postMessage(reply);
  if (closeAfter) {
    conn.close();
    port?.close();
  }
}

port.on('message', (message: SpanWriterMessage) => {
  if (waiting.length === 0 && !closeAfter) setImmediate(flush);
  if (message === 'close') closeAfter = true;
  else waiting.push(message);
});
