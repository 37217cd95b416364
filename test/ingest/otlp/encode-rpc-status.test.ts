import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRpcStatus, grpcCodeForHttpStatus } from '../../../src/ingest/otlp/encode-rpc-status.js';
import { decodeRpcStatus as decodeStatus } from '../../fixtures/otlp/decode-rpc-status.js';


describe('encodeRpcStatus()', () => {
  it('writes google.rpc.Status code and message', () => {
    assert.deepEqual(decodeStatus(encodeRpcStatus(3, 'Malformed payload: x')), { code: 3, message: 'Malformed payload: x' });
  });

  it('handles multi-byte lengths and UTF-8', () => {
    const message = `größe ${'x'.repeat(300)}`;
    assert.deepEqual(decodeStatus(encodeRpcStatus(14, message)), { code: 14, message });
  });

  it('omits default fields', () => {
    assert.equal(encodeRpcStatus(0, '').length, 0);
  });
});

describe('grpcCodeForHttpStatus()', () => {
  it('maps the statuses the receiver sends', () => {
    assert.deepEqual([400, 404, 413, 415, 503, 500, 418].map(grpcCodeForHttpStatus), [3, 12, 8, 3, 14, 13, 2]);
  });
});
