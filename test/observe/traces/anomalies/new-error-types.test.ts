import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_TYPE_KEYS, errorTypeOf, normaliseMessage } from '../../../../src/observe/traces/anomalies/error-type.js';
import { TraceAnomalyDetector } from '../../../../src/observe/traces/anomalies/trace-anomaly-detector.js';
import type { TraceAnomaly } from '../../../../src/observe/traces/anomalies/trace-anomaly.js';
import type { SpanRecord } from '../../../../src/core/records.js';
import { MINUTE, T0, run, type Fault } from './shop-workload.js';

function reportsWith(faults: Fault[], minutes = 60): TraceAnomaly[] {
  const detector = new TraceAnomalyDetector();
  return run((spans) => detector.observe(spans), { fromMs: T0, toMs: T0 + minutes * MINUTE, perSecond: 20, faults });
}

const failed = (attributes: SpanRecord['attributes'], statusMessage?: string): SpanRecord => ({
  service: 'cart', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'POST /cart', kind: 'server', startMs: T0, durationMs: 1, status: 'error', attributes,
  ...(statusMessage !== undefined ? { statusMessage } : {}),
});

describe('trace anomalies: new error types', () => {
  it('reads the error type by semantic conventions, most specific first', () => {
    assert.equal(errorTypeOf(failed({ 'exception.type': 'TimeoutError', 'error.type': '500', 'http.response.status_code': 500 })), 'TimeoutError');
    assert.equal(errorTypeOf(failed({ 'error.type': 'java.net.ConnectException', 'http.response.status_code': 500 })), 'java.net.ConnectException');
    assert.equal(errorTypeOf(failed({ 'http.response.status_code': 503 })), 'HTTP 503');
    assert.equal(errorTypeOf(failed({ 'rpc.grpc.status_code': 14 })), 'gRPC 14');
    assert.equal(errorTypeOf(failed({}, 'timeout after 3012 ms for order 9f2c4e1a77')), 'timeout after <n> ms for order <*>');
    assert.equal(errorTypeOf(failed({})), 'error without a type');
    assert.equal(normaliseMessage('user "bob" not found'), 'user <*> not found');
  });

  it('reads no attribute beyond ERROR_TYPE_KEYS, the ones span ingest decodes for it', () => {
    const read = new Set<string>();
    const recording = new Proxy({} as SpanRecord['attributes'], {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    errorTypeOf(failed(recording));
    assert.deepEqual([...read].sort(), [...ERROR_TYPE_KEYS].sort());
  });

  it('stays silent on a steady workload whose errors are all of known types', () => {
    assert.deepEqual(reportsWith([]), []);
  });

  it('finds an exception type never seen before, with the failed traces, and lets it go once it stops', () => {
    const reports = reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 45 * MINUTE, newError: { type: 'TimeoutError', share: 0.05 } }]);
    assert.ok(reports.every((r) => r.kind === 'new_error_type'), JSON.stringify(reports.map((r) => r.summary)));
    const [opened] = reports;
    assert.ok(opened && opened.status === 'firing' && opened.errorType === 'TimeoutError');
    assert.ok(opened.startMs >= T0 + 40 * MINUTE && opened.startMs < T0 + 41 * MINUTE);
    assert.match(opened.summary, /^cart POST \/cart: new error type "TimeoutError" on \d+ spans; trace [0-9a-f]{8}…$/);
    assert.equal(opened.exemplars.length, 3);
    assert.equal(opened.exemplars[0]!.traceId.length, 32);
    const last = reports.filter((r) => r.status === 'firing').at(-1)!;
    assert.equal(last.severity, 'error', `about 60 failed spans a minute for 5 minutes: ${last.observed}`);
    assert.ok(last.strength > opened.strength, 'more spans, surer');
    const resolved = reports.filter((r) => r.status === 'resolved');
    assert.equal(resolved.length, 1);
    assert.ok(resolved[0]!.timeMs >= T0 + 44 * MINUTE && resolved[0]!.timeMs < T0 + 45 * MINUTE, 'ends at its last span');
  });

  it('does not alarm on a new type seen once: rare paths fail once now and then', () => {
    assert.deepEqual(reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 40 * MINUTE + 1000, newError: { type: 'RareError', share: 0.05 } }]), []);
  });

  it('stays silent while it learns: everything is new at first', () => {
    assert.deepEqual(reportsWith([{ fromMs: T0 + 2 * MINUTE, toMs: T0 + 7 * MINUTE, newError: { type: 'TimeoutError', share: 0.05 } }], 30), []);
  });
});
