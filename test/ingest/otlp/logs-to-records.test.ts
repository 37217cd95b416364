import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logsToRecords } from '../../../src/ingest/otlp/logs-to-records.js';
import { parseOtlpJson } from '../../../src/ingest/otlp/otlp-json.js';
import { decodeOtlpProtobuf } from '../../../src/ingest/otlp/otlp-protobuf.js';
import { severityTextFor } from '../../../src/ingest/otlp/severity-text.js';
import { nanos } from '../../fixtures/otlp/json-builders.js';
import { BASE_MS, logsPayload } from '../../fixtures/otlp/sdk-payloads.js';

function convert(logRecords: unknown[]) {
  const body = { resourceLogs: [{ scopeLogs: [{ logRecords }] }] };
  return logsToRecords(parseOtlpJson('logs', Buffer.from(JSON.stringify(body))));
}

describe('logsToRecords()', () => {
  it('converts SDK log records in both encodings', async () => {
    for (const encoding of ['json', 'protobuf'] as const) {
      const body = await logsPayload(encoding);
      const request = encoding === 'json' ? parseOtlpJson('logs', body) : decodeOtlpProtobuf('logs', body);
      const { logs, rejected } = logsToRecords(request);
      assert.equal(rejected, 0);
      assert.deepEqual(logs[0], {
        service: 'checkout',
        instance: 'checkout-7d9f',
        host: 'node-1',
        timeMs: BASE_MS + 5,
        severityNumber: 13,
        severityText: 'WARN',
        body: 'disk almost full',
        attributes: { 'disk.free_bytes': 1024 },
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
      });
      assert.equal(logs[1]!.severityText, 'INFO2');
      assert.equal(logs[1]!.body, '{"event":"checkout","items":3}');
    }
  });

  it('falls back to the observed time and renders scalar bodies', () => {
    const { logs } = convert([
      { observedTimeUnixNano: nanos(1), severityNumber: 17, body: { intValue: '42' } },
      { timeUnixNano: nanos(2), body: { boolValue: true } },
      { timeUnixNano: nanos(3) },
    ]);
    assert.deepEqual(
      logs.map((log) => [log.timeMs, log.severityText, log.body]),
      [
        [BASE_MS + 1000, 'ERROR', '42'],
        [BASE_MS + 2000, 'UNSPECIFIED', 'true'],
        [BASE_MS + 3000, 'UNSPECIFIED', ''],
      ],
    );
  });

  it('rejects records without any time; drops invalid trace context without rejecting', () => {
    const { logs, rejected, errorMessage } = convert([{ body: { stringValue: 'lost' } }, { timeUnixNano: nanos(1), traceId: '00000000000000000000000000000000', spanId: 'abcd' }]);
    assert.equal(rejected, 1);
    assert.match(errorMessage, /timeUnixNano and observedTimeUnixNano are missing/);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]!.traceId, undefined);
    assert.equal(logs[0]!.spanId, undefined);
  });
});

describe('severityTextFor()', () => {
  it('names each severity number as the logs data model does', () => {
    assert.deepEqual([1, 4, 5, 9, 12, 13, 17, 21, 24].map(severityTextFor), ['TRACE', 'TRACE4', 'DEBUG', 'INFO', 'INFO4', 'WARN', 'ERROR', 'FATAL', 'FATAL4']);
    assert.equal(severityTextFor(0), 'UNSPECIFIED');
    assert.equal(severityTextFor(99), 'UNSPECIFIED');
  });
});
