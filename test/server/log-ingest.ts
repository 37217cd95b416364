/** Sends OTLP/JSON logs through a real OTLP receiver into a harness's loop, as an exporter would. */
import assert from 'node:assert/strict';
import { buildOtlpReceiver } from '../../src/server/otlp-receiver.js';
import { type Json, encodeJson, logsRequest } from '../fixtures/otlp/json-builders.js';
import type { Harness } from './harness.js';

/** Posts `records` for `service` to /v1/logs (raw bytes when given) and waits for the loop. */
export async function sendLogs(h: Harness, records: Json[], service = 'cart', raw?: Buffer): Promise<void> {
  const otlp = buildOtlpReceiver({ sink: h.engine.telemetry, bodyLimitBytes: h.config.otlp.bodyLimitBytes });
  try {
    const response = await otlp.inject({
      method: 'POST',
      url: '/v1/logs',
      headers: { 'content-type': 'application/json' },
      payload: raw ?? encodeJson(logsRequest(records, { 'service.name': service })),
    });
    assert.equal(response.statusCode, 200, response.body);
  } finally {
    await otlp.close();
  }
  await h.engine.settle();
}
