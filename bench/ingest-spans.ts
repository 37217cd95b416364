/**
 * npm run bench:ingest-spans [-- --spans 300000 --batch 8192 --concurrency 4 --rounds 3 --seed 1 --gzip]
 *
 * Spans per second through opsloop's real span path: OTLP/protobuf ExportTraceServiceRequest
 * bodies (trace-batches.ts: 36 services and 4 backends, server/client/internal spans with
 * parent links and peer attributes, 10–20 attributes per span, one body per BATCH spans) →
 * decoded and normalised → written to SQLite → service graph and RED series updated on the bus.
 *
 * BATCH defaults to 8192 spans per request, what the OpenTelemetry Collector's batch processor
 * sends (send_batch_size 8192) when traffic fills its batches before its 200 ms timeout, as it
 * does at these rates. `--gzip` sends the bodies gzip-compressed, as the Collector's otlphttp
 * exporter does by default (the server decompresses them); without it they go as they are.
 *
 * Passes, each ROUNDS times in turn with a fresh store; the median is printed:
 * - `opsloop, HTTP`: a real opsloop (startOpsloop, embedded store in a temporary directory)
 *   receives the bodies on its OTLP port from a separate load process (load-client.ts,
 *   CONCURRENCY requests in flight over keep-alive). The clock stops once the engine has
 *   settled (everything accepted is analysed) after the last reply; then the store is read
 *   through a connection of its own and must hold every span sent.
 * - `opsloop, in-process`: the same bodies handed to the OTLP ingestor and the telemetry sink
 *   directly, CONCURRENCY batches in flight (stored on the span writer thread, as startOpsloop
 *   does by default), then settled: the pipeline without the HTTP layer.
 * - `baseline: decode only`: the OTLP ingestor alone (bytes → span records), nothing stored —
 *   the rate opsloop would reach if storage and analysis were free.
 * - `baseline: protobufjs decode`: the same through protobufjs' generated decoder and the
 *   tolerant field readers (what traces went through before decode-traces-wire.ts).
 *
 * Rates are spans per second of wall-clock time and per second of this process's CPU time
 * (the server's; the load process reports its own). The machine is shared, so read the ratios
 * and the CPU-time rates rather than the wall-clock ones.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLoop } from '../src/app/loop.js';
import { startOpsloop } from '../src/app/start.js';
import { ConfigSchema, type Config } from '../src/core/config.js';
import { OtlpIngestor } from '../src/ingest/otlp/otlp-ingestor.js';
import { decodeOtlpProtobuf } from '../src/ingest/otlp/otlp-protobuf.js';
import { spansToRecords } from '../src/ingest/otlp/spans-to-records.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { ClientReply, ClientRequest } from './ingest-spans/load-client.js';
import { storedCounts, type StoredCounts } from './ingest-spans/stored-counts.js';
import { buildTraceBatches, type BatchPlan, type TraceBatches } from './ingest-spans/trace-batches.js';

const { values } = parseArgs({
  options: {
    spans: { type: 'string', default: '300000' },
    batch: { type: 'string', default: '8192' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    gzip: { type: 'boolean', default: false },
  },
});
const spansPerBatch = positiveInt(values.batch, '--batch');
const concurrency = positiveInt(values.concurrency, '--concurrency');
const rounds = positiveInt(values.rounds, '--rounds');
const batchCount = Math.ceil(positiveInt(values.spans, '--spans') / spansPerBatch);
// About 2k spans/s of simulated traffic whatever the batch size, so the 10-second RED buckets
// close and derived series are written during the run.
const SIMULATED_SPANS_PER_SECOND = 2048;
const plan: BatchPlan = {
  spansPerBatch,
  batches: batchCount,
  seed: positiveInt(values.seed, '--seed'),
  // Event time ends about now, inside the retention window; the minute is fixed in the plan so
  // both processes build the same bodies.
  startMs: Math.floor(Date.now() / 60_000) * 60_000 - Math.ceil((batchCount * spansPerBatch * 1000) / SIMULATED_SPANS_PER_SECOND),
  batchSpanMs: (spansPerBatch * 1000) / SIMULATED_SPANS_PER_SECOND,
};

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${flag}: expected a positive integer, got ${text}`);
  return n;
}

interface Pass {
  wallMs: number;
  cpuMs: number;
  stored?: StoredCounts;
  clientCpuMs?: number;
  retried?: number;
}

/** Times `work` in wall-clock and this process's CPU time. */
async function timed(work: () => Promise<Omit<Pass, 'wallMs' | 'cpuMs'> | void>): Promise<Pass> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const extra = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, ...(extra ?? {}) };
}

function benchConfig(dataDir: string): Config {
  return ConfigSchema.parse({ dataDir, logLevel: 'silent', api: { port: 0 }, otlp: { port: 0 }, auth: { enabled: false } });
}

class LoadClient {
  readonly #child = fork(fileURLToPath(new URL('./ingest-spans/load-client.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
  });

  ask(request: ClientRequest): Promise<ClientReply> {
    return new Promise((resolve, reject) => {
      this.#child.once('message', (reply: ClientReply) =>
        reply.type === 'failed' ? reject(new Error(`load client: ${reply.message}`)) : resolve(reply),
      );
      this.#child.send(request);
    });
  }

  close(): void {
    this.#child.disconnect();
  }
}

async function withDataDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-bench-spans-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function httpPass(client: LoadClient): Promise<Pass> {
  return withDataDir(async (dir) => {
    const running = await startOpsloop(benchConfig(dir), { logger: false });
    try {
      const pass = await timed(async () => {
        const sent = await client.ask({ type: 'send', url: `${running.otlpUrl}/v1/traces`, concurrency });
        if (sent.type !== 'sent') throw new Error(`load client answered ${sent.type}`);
        await running.engine.settle();
        return { clientCpuMs: sent.cpuMs, retried: sent.retried };
      });
      return { ...pass, stored: storedCounts(join(dir, 'opsloop.db')) };
    } finally {
      await running.stop();
    }
  });
}

function inProcessPass(batches: TraceBatches): Promise<Pass> {
  return withDataDir(async (dir) => {
    const config = benchConfig(dir);
    const store = openSqliteStore({ path: join(dir, 'opsloop.db'), spanWriterThread: config.ingest.spanWriterThread });
    const loop = createLoop({ config, store });
    try {
      const ingestor = new OtlpIngestor({ spanAttributes: loop.spanAttributesRead });
      const pass = await timed(async () => {
        // As the HTTP pass's requests in flight: a batch is decoded while others are stored.
        const inFlight = new Set<Promise<void>>();
        for (const body of batches.bodies) {
          const result = ingestor.ingest('traces', 'protobuf', body);
          const accepted = Promise.resolve(loop.telemetry.accept(result.batch)).then(() => result.commit());
          inFlight.add(accepted);
          void accepted.finally(() => inFlight.delete(accepted));
          while (inFlight.size >= concurrency) await Promise.race(inFlight);
          // As between two requests: let the bus run the analysis of what was accepted.
          await new Promise(setImmediate);
        }
        await Promise.all(inFlight);
        await loop.settle();
      });
      return { ...pass, stored: storedCounts(join(dir, 'opsloop.db')) };
    } finally {
      await loop.close();
      await store.spanWriter?.close();
      store.close();
    }
  });
}

async function decodePass(batches: TraceBatches, decode: (body: Uint8Array) => number): Promise<Pass> {
  let decoded = 0;
  const pass = await timed(async () => {
    for (const body of batches.bodies) decoded += decode(body);
  });
  if (decoded !== batches.spans) throw new Error(`decoded ${decoded} spans of ${batches.spans}`);
  return pass;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function checkStored(name: string, pass: Pass, sent: number): void {
  const stored = pass.stored;
  if (stored === undefined) return;
  if (stored.spans !== sent) throw new Error(`${name}: ${stored.spans} spans stored of ${sent} sent`);
  if (stored.derivedPoints === 0 || stored.edges === 0) throw new Error(`${name}: no RED points or edges derived (${JSON.stringify(stored)})`);
}

const client = new LoadClient();
// Both processes build the same bodies at once: the child's copy is what it sends.
const clientBuilt = client.ask({ type: 'build', plan, gzip: values.gzip });
const batches = buildTraceBatches(plan);
const built = await clientBuilt;
if (built.type !== 'built' || built.spans !== batches.spans) throw new Error('load client built different bodies');
console.log(
  `${batches.spans} spans in ${batches.bodies.length} OTLP/protobuf bodies of ~${spansPerBatch} spans ` +
    `(${(batches.bytes / batches.bodies.length / 1024).toFixed(0)} KiB each, ${(batches.bytes / batches.spans).toFixed(0)} B/span); ` +
    `${rounds} rounds, ${concurrency} requests in flight${values.gzip ? `, sent gzip-compressed (~${(built.bytes / built.bodies / 1024).toFixed(0)} KiB each)` : ''}\n`,
);

const ingestor = new OtlpIngestor();
const PASSES = {
  'opsloop, HTTP': () => httpPass(client),
  'opsloop, in-process': () => inProcessPass(batches),
  'baseline: decode only': () => decodePass(batches, (body) => ingestor.ingest('traces', 'protobuf', body).recordCount),
  'baseline: protobufjs decode': () => decodePass(batches, (body) => spansToRecords(decodeOtlpProtobuf('traces', body)).spans.length),
} as const;
type PassName = keyof typeof PASSES;
const results = new Map<PassName, Pass[]>();
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(PASSES) as [PassName, () => Promise<Pass>][]) {
    const pass = await run();
    checkStored(name, pass, batches.spans);
    results.set(name, [...(results.get(name) ?? []), pass]);
  }
}
client.close();

const rate = (pass: Pass) => batches.spans / (pass.wallMs / 1000);
const cpuRate = (pass: Pass) => batches.spans / (pass.cpuMs / 1000);
const decodeRate = median((results.get('baseline: decode only') ?? []).map(rate));
console.log(`${'pass'.padEnd(28)}${'spans/s'.padStart(10)}${'spans/CPU-s'.padStart(13)}${'vs decode'.padStart(11)}  notes`);
for (const [name, passes] of results) {
  const wall = median(passes.map(rate));
  const last = passes[passes.length - 1] as Pass;
  const notes = [
    last.stored ? `stored ${last.stored.spans} spans, ${last.stored.derivedPoints} RED points, ${last.stored.edges} edges` : '',
    last.clientCpuMs !== undefined ? `load process ${(batches.spans / (last.clientCpuMs / 1000)).toFixed(0)} spans/CPU-s` : '',
    last.retried !== undefined ? `${last.retried} retried 503s` : '',
  ].filter((note) => note !== '');
  console.log(
    `${name.padEnd(28)}${wall.toFixed(0).padStart(10)}${median(passes.map(cpuRate)).toFixed(0).padStart(13)}${`${(wall / decodeRate).toFixed(2)}×`.padStart(11)}  ${notes.join('; ')}`,
  );
}
