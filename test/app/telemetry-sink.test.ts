import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLoop } from '../../src/app/loop.js';
import { ConfigSchema } from '../../src/core/config.js';
import type { SpanRecord } from '../../src/core/records.js';
import { OtlpIngestor } from '../../src/ingest/otlp/otlp-ingestor.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tracePayload, type Encoding } from '../fixtures/otlp/sdk-payloads.js';

describe('createTelemetrySink()', () => {
  for (const encoding of ['protobuf', 'json'] as const satisfies readonly Encoding[]) {
    it(`stores and analyses a resent ${encoding} trace export once, every attribute kept`, async () => {
      const config = ConfigSchema.parse({ logLevel: 'silent' });
      const loop = createLoop({ config, store: openSqliteStore({ path: ':memory:' }) });
      const published: SpanRecord[][] = [];
      loop.bus.subscribe('telemetry.spans', (spans) => {
        published.push([...spans]);
      });
      const body = await tracePayload(encoding);
      const ingestor = new OtlpIngestor({ spanAttributes: loop.spanAttributesRead });
      for (let attempt = 0; attempt < 2; attempt++) loop.telemetry.accept(ingestor.ingest('traces', encoding, body).batch);
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
    });
  }
});
