import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLoop } from '../../src/app/loop.js';
import { ConfigSchema } from '../../src/core/config.js';
import type { SpanRecord } from '../../src/core/records.js';
import { OtlpIngestor } from '../../src/ingest/otlp/otlp-ingestor.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tracePayload, type Encoding } from '../fixtures/otlp/sdk-payloads.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelemetrySink } from '../../src/app/telemetry-sink.js';
import { LogMining } from '../../src/app/logs/log-mining.js';
import { ServiceMiners } from '../../src/app/logs/service-miners.js';
import { MemoryBus } from '../../src/bus/memory/memory-bus.js';
import { OpsError } from '../../src/core/errors.js';
import type { SpanBatchWrite, SpanWriter, Store } from '../../src/store/store.js';
import { span } from '../store/contract/fixtures.js';

describe('createTelemetrySink()', () => {
  for (const [encoding, where] of [
    ['protobuf', 'in line'],
    ['json', 'in line'],
    ['protobuf', 'on the span writer thread'],
    ['json', 'on the span writer thread'],
  ] as const satisfies ReadonlyArray<readonly [Encoding, string]>) {
    it(`stores and analyses a resent ${encoding} trace export once, every attribute kept (${where})`, async () => {
      const config = ConfigSchema.parse({ logLevel: 'silent' });
      const dir = mkdtempSync(join(tmpdir(), 'opsloop-sink-'));
      const onThread = where === 'on the span writer thread';
      const store = openSqliteStore(onThread ? { path: join(dir, 'opsloop.db'), spanWriterThread: true } : { path: ':memory:' });
      assert.equal(store.spanWriter !== undefined, onThread);
      const loop = createLoop({ config, store });
      const published: SpanRecord[][] = [];
      loop.bus.subscribe('telemetry.spans', (spans) => {
        published.push([...spans]);
      });
      const body = await tracePayload(encoding);
      const ingestor = new OtlpIngestor({ spanAttributes: loop.spanAttributesRead });
      for (let attempt = 0; attempt < 2; attempt++) await loop.telemetry.accept(ingestor.ingest('traces', encoding, body).batch);
      await loop.settle();

      assert.equal(published.length, 1, 'the resend is not analysed again');
      const [first] = published[0] ?? [];
      assert.ok(first);
      assert.deepEqual(
        loop.store.telemetry.spansOfTrace(first.traceId).map((span) => span.spanId).sort(),
        published[0]?.map((span) => span.spanId).sort(),
      );
      assert.equal(loop.store.traces.summaries([first.traceId])[0]?.spanCount, published[0]?.length);
      const full = new OtlpIngestor().ingest('traces', encoding, body).batch.spans ?? [];
      assert.deepEqual(
        new Map(loop.store.telemetry.spansOfTrace(first.traceId).map((span) => [span.spanId, span.attributes])),
        new Map(full.map((span) => [span.spanId, span.attributes])),
        'the store keeps every attribute',
      );
      await loop.close();
      await store.spanWriter?.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });
  }

  it('refuses spans with 503 (OPS_ERR_OVERLOADED) while maxSpanWrites batches wait for the writer, queueing nothing', async () => {
    const written: SpanBatchWrite[] = [];
    const writer: SpanWriter = {
      queued: 2,
      write: (batch) => {
        written.push(batch);
        return Promise.resolve(true);
      },
      writeAnalysis: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const store = openSqliteStore({ path: ':memory:' });
    const bus = new MemoryBus({ onError: (_topic, error) => assert.fail(String(error)) });
    const sink = createTelemetrySink(Object.assign(Object.create(store) as Store, { spanWriter: writer }), bus, {
      maxBacklog: 100,
      maxSpanWrites: 2,
      logMining: new LogMining(new ServiceMiners({ snapshots: { load: () => undefined, save: () => {} }, maxLive: 1 })),
    });
    assert.throws(
      () => sink.accept({ spans: [span()] }),
      (error: unknown) => error instanceof OpsError && error.code === 'OPS_ERR_OVERLOADED' && error.status === 503,
    );
    assert.equal(written.length, 0);
    store.close();
  });
});
