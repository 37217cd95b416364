import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDecoder } from 'node:util';
import { bodyOf, packSpans, pushPackedSpanParams } from '../../../src/store/sqlite/packed-spans.js';
import { span } from '../contract/fixtures.js';

/** The stored attributes value (last but one parameter) of each packed span. */
function storedBytes(packed: ReturnType<typeof packSpans>): unknown[] {
  const decoder = new TextDecoder();
  return Array.from({ length: packed.count }, (_, i) => {
    const params: unknown[] = [];
    pushPackedSpanParams(params, packed, i, decoder);
    return params.at(-2);
  });
}

describe('packSpans()', () => {
  const body = Buffer.from('....first span....second span....');
  const first = body.subarray(4, 18);
  const second = body.subarray(18, 29);
  const elsewhere = Buffer.from('not in the body');
  const spans = [
    span({ spanId: 'a', encoded: first }),
    span({ spanId: 'b', encoded: elsewhere }),
    span({ spanId: 'c', encoded: second }),
    span({ spanId: 'd', attributes: { k: 'v' } }),
  ];

  it('copies the body once and refers to the spans in it by offset; other bytes follow it', () => {
    const packed = packSpans(spans, body);
    assert.equal(packed.bodyLength, body.byteLength);
    assert.deepEqual(bodyOf(packed), new Uint8Array(body));
    assert.equal(packed.bytes.byteLength, body.byteLength + elsewhere.byteLength + '{"k":"v"}'.length);
    assert.deepEqual(storedBytes(packed), [Buffer.from(first), elsewhere, Buffer.from(second), '{"k":"v"}']);
  });

  it('without a body, packs each span’s bytes and has no body to take a digest of', () => {
    const packed = packSpans(spans);
    assert.equal(packed.bodyLength, 0);
    assert.equal(bodyOf(packed), undefined);
    assert.deepEqual(storedBytes(packed), [Buffer.from(first), elsewhere, Buffer.from(second), '{"k":"v"}']);
  });
});
