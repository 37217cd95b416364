/**
 * The span writer thread (span-writer-thread.ts has the main side). It stores each batch it is
 * sent in one transaction on its own connection, spans together with the services and instances
 * that reported them, and answers once committed. A failed batch is answered with its error; the
 * thread goes on with the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteConnection } from './connection.js';
import { openDatabase } from './open-sqlite-store.js';
import type { SpanWriteReply, SpanWriterMessage } from './span-writer-thread.js';
import { SqliteTelemetryRepository } from './telemetry-repository.js';
import { SqliteTopologyRepository } from './topology-repository.js';

const port = parentPort;
if (port === null) throw new Error('span-writer-worker runs as a worker thread');
const { path } = workerData as { path: string };
const conn = new SqliteConnection(openDatabase(path), path);
const telemetry = new SqliteTelemetryRepository(conn);
const topology = new SqliteTopologyRepository(conn);

port.on('message', (message: SpanWriterMessage) => {
  if (message === 'close') {
    conn.close();
    port.close();
    return;
  }
  let reply: SpanWriteReply;
  try {
    const stored = conn.transaction(() => {
      const options = message.batchDigest ? { batchDigest: message.batchDigest } : {};
      if (!telemetry.insertPackedSpans(message.packed, options)) return false;
      if (message.services.length > 0) topology.touchServices(message.services);
      if (message.instances.length > 0) topology.touchInstances(message.instances);
      return true;
    });
    reply = { id: message.id, stored };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
