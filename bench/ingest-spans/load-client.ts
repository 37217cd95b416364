/**
 * The load generator of bench:ingest-spans, run as a child process so that its CPU time is
 * not charged to the server's: it builds the same bodies as the parent (same plan, same seed)
 * and, on request, posts them all to an OTLP/HTTP endpoint with CONCURRENCY requests in flight
 * over keep-alive connections (node's fetch). A 503 is retried after a short pause and
 * counted, as an exporter would retry it; any other status stops the run.
 */
import { buildTraceBatches, type BatchPlan, type TraceBatches } from './trace-batches.js';

export type ClientRequest =
  | { type: 'build'; plan: BatchPlan }
  | { type: 'send'; url: string; concurrency: number };

export type ClientReply =
  | { type: 'built'; spans: number; bytes: number }
  | { type: 'sent'; wallMs: number; cpuMs: number; retried: number }
  | { type: 'failed'; message: string };

const RETRY_PAUSE_MS = 20;

async function post(url: string, body: Uint8Array<ArrayBuffer>): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });
  await response.arrayBuffer();
  return response.status;
}

async function sendAll(batches: TraceBatches, url: string, concurrency: number): Promise<ClientReply> {
  let next = 0;
  let retried = 0;
  const startCpu = process.cpuUsage();
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < batches.bodies.length) {
      const body = batches.bodies[next++] as Uint8Array<ArrayBuffer>;
      for (;;) {
        const status = await post(url, body);
        if (status === 200) break;
        if (status !== 503) throw new Error(`POST ${url} answered ${status}`);
        retried += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(startCpu);
  return { type: 'sent', wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, retried };
}

let batches: TraceBatches | undefined;

function reply(message: ClientReply): void {
  process.send?.(message);
}

process.on('message', (request: ClientRequest) => {
  if (request.type === 'build') {
    batches = buildTraceBatches(request.plan);
    reply({ type: 'built', spans: batches.spans, bytes: batches.bytes });
    return;
  }
  if (batches === undefined) {
    reply({ type: 'failed', message: 'send before build' });
    return;
  }
  sendAll(batches, request.url, request.concurrency).then(reply, (error: unknown) =>
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
