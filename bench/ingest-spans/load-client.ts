/**
 * The load generator of bench:ingest-spans, run as a child process so that its CPU time is
 * not charged to the server's: it builds the same bodies as the parent (same plan, same seed)
 * and, on request, posts them all to an OTLP/HTTP endpoint with CONCURRENCY requests in flight
 * over keep-alive connections. A 503 is retried after a short pause and counted, as an exporter
 * would retry it; any other status stops the run.
 *
 * It posts through node:http rather than fetch: the load process shares the machine's two cores
 * with the server, and fetch (undici's streams and WHATWG body handling) cost ~3 µs of CPU per
 * span against ~0.5 for a plain request writing the body buffer as it is. A real exporter, the
 * OpenTelemetry Collector, is a Go process on another host; the less the bench's sender takes,
 * the more the figure is the server's.
 */
import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { buildTraceBatches, type BatchPlan, type TraceBatches } from './trace-batches.js';

export type ClientRequest =
  | { type: 'build'; plan: BatchPlan; gzip: boolean }
  | { type: 'send'; url: string; concurrency: number };

export type ClientReply =
  | { type: 'built'; spans: number; bodies: number; bytes: number }
  | { type: 'sent'; wallMs: number; cpuMs: number; retried: number }
  | { type: 'failed'; message: string };

const RETRY_PAUSE_MS = 20;

interface Bodies {
  list: Uint8Array[];
  headers: Record<string, string>;
}

function post(agent: Agent, url: string, body: Uint8Array, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    headers['content-length'] = String(body.byteLength);
    const outgoing = request(url, { method: 'POST', agent, headers }, (response) => {
      response.on('error', reject);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function sendAll(bodies: Bodies, url: string, concurrency: number): Promise<ClientReply> {
  let next = 0;
  let retried = 0;
  const startCpu = process.cpuUsage();
  const start = performance.now();
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const worker = async (): Promise<void> => {
    const headers = { ...bodies.headers };
    while (next < bodies.list.length) {
      const body = bodies.list[next++] as Uint8Array;
      for (;;) {
        const status = await post(agent, url, body, headers);
        if (status === 200) break;
        if (status !== 503) throw new Error(`POST ${url} answered ${status}`);
        retried += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const cpu = process.cpuUsage(startCpu);
  return { type: 'sent', wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, retried };
}

let bodies: Bodies | undefined;

/** The bodies as this process sends them: compressed at build time, outside the timed send. */
function bodiesOf(batches: TraceBatches, gzip: boolean): Bodies {
  if (!gzip) return { list: batches.bodies, headers: { 'content-type': 'application/x-protobuf' } };
  return {
    list: batches.bodies.map((body) => gzipSync(body)),
    headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' },
  };
}

function reply(message: ClientReply): void {
  process.send?.(message);
}

process.on('message', (request: ClientRequest) => {
  if (request.type === 'build') {
    const batches = buildTraceBatches(request.plan);
    bodies = bodiesOf(batches, request.gzip);
    const bytes = bodies.list.reduce((sum, body) => sum + body.byteLength, 0);
    reply({ type: 'built', spans: batches.spans, bodies: bodies.list.length, bytes });
    return;
  }
  if (bodies === undefined) {
    reply({ type: 'failed', message: 'send before build' });
    return;
  }
  sendAll(bodies, request.url, request.concurrency).then(reply, (error: unknown) =>
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
