/** Sends OTLP/JSON spans through a real OTLP receiver into a harness's loop, as an exporter would. */
import assert from 'node:assert/strict';
import { buildOtlpReceiver } from '../../src/server/otlp-receiver.js';
import { encodeJson } from '../fixtures/otlp/json-builders.js';
import { type SpanOptions, spanJson, tracesRequest } from '../fixtures/otlp/span-builders.js';
import type { Harness } from './harness.js';

/** Posts the spans of each service to /v1/traces and waits for the loop; `resourceOf` replaces the default resource. */
export async function sendSpans(
  h: Harness,
  byService: Record<string, SpanOptions[]>,
  resourceOf: (service: string) => Record<string, string> = (service) => ({ 'service.name': service, 'service.instance.id': `${service}-1` }),
): Promise<void> {
  const otlp = buildOtlpReceiver({ sink: h.engine.telemetry, bodyLimitBytes: h.config.otlp.bodyLimitBytes });
  try {
    for (const [service, spans] of Object.entries(byService)) {
      const response = await otlp.inject({
        method: 'POST',
        url: '/v1/traces',
        headers: { 'content-type': 'application/json' },
        payload: encodeJson(tracesRequest(spans.map(spanJson), resourceOf(service))),
      });
      assert.equal(response.statusCode, 200, response.body);
    }
  } finally {
    await otlp.close();
  }
  await h.engine.settle();
}
