import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RcaResponseSchema } from '../../../src/core/rca-api.js';
import { buildOtlpReceiver } from '../../../src/server/otlp-receiver.js';
import { encodeJson, metricsRequest, ms, numberPoint } from '../../fixtures/otlp/json-builders.js';
import { startHarness, type Harness } from '../harness.js';

/** Once a minute for 70 minutes: never 100 points, so neither the live detector nor the replay can learn. */
const MINUTES = 70;
const FAULT = { from: 60, to: 63 };
const cpu = (service: string, m: number): number => {
  const usual = 0.2 + 0.01 * ((m * 7) % 5);
  return service === 'payment' && m >= FAULT.from && m < FAULT.to ? 0.9 : usual;
};

describe('POST /api/v1/rca over series exported once a minute', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const otlp = buildOtlpReceiver({ sink: h.engine.telemetry, bodyLimitBytes: h.config.otlp.bodyLimitBytes });
    try {
      for (let m = 0; m < MINUTES; m++) {
        for (const service of ['cart', 'payment']) {
          const gauge = { name: 'process.cpu.utilization', unit: '1', gauge: { dataPoints: [numberPoint(m * 60, cpu(service, m))] } };
          const request = metricsRequest([gauge], { 'service.name': service, 'k8s.pod.name': `${service}-7d4f9b6c8d-x2k9p` });
          const response = await otlp.inject({ method: 'POST', url: '/v1/metrics', headers: { 'content-type': 'application/json' }, payload: encodeJson(request) });
          assert.equal(response.statusCode, 200, response.body);
        }
        await h.engine.settle();
      }
    } finally {
      await otlp.close();
    }
  });
  after(() => h.close());

  it('judges them by the window against the hour before it and names the saturated pod', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/rca', payload: { from: ms(FAULT.from * 60), to: ms(FAULT.to * 60 - 1) } });
    assert.equal(response.statusCode, 200, response.body);
    const body = RcaResponseSchema.parse(response.json());
    assert.equal(body.symptoms.alerts, 0, 'the live loop could not learn these series either');
    assert.deepEqual(body.causes.map((cause) => cause.service), ['payment'], JSON.stringify(body.causes, null, 2));
    assert.equal(body.causes[0]?.instance, 'payment-7d4f9b6c8d-x2k9p');
    assert.equal(body.causes[0]?.indicator, 'CPU utilisation up');
    assert.match(body.causes[0]?.evidence ?? '', /before the window/);
  });

  it('finds nothing in a quiet window of the same series', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/rca', payload: { from: ms(50 * 60), to: ms(53 * 60) } });
    assert.deepEqual(RcaResponseSchema.parse(response.json()).causes, []);
  });
});
