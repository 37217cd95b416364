/** Sends the faulty shop's past telemetry (test/fixtures/otlp/faulty-shop.ts) through the real OTLP receiver into a harness's loop. */
import assert from 'node:assert/strict';
import { buildOtlpReceiver } from '../../src/server/otlp-receiver.js';
import { encodeJson } from '../fixtures/otlp/json-builders.js';
import { faultyShopMinute, type FaultyShopOptions } from '../fixtures/otlp/faulty-shop.js';
import type { Harness } from './harness.js';

/** Minute by minute, as exporters would send it, waiting for the loop after each. */
export async function ingestFaultyShop(h: Harness, shop: FaultyShopOptions): Promise<void> {
  const otlp = buildOtlpReceiver({ sink: h.engine.telemetry, bodyLimitBytes: h.config.otlp.bodyLimitBytes });
  try {
    for (let m = 0; m < shop.minutes; m++) {
      for (const request of faultyShopMinute(shop, m)) {
        const response = await otlp.inject({ method: 'POST', url: request.path, headers: { 'content-type': 'application/json' }, payload: encodeJson(request.body) });
        assert.equal(response.statusCode, 200, response.body);
      }
      await h.engine.settle();
    }
  } finally {
    await otlp.close();
  }
}
