import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufWireReader } from '../../../src/ingest/otlp/protobuf-wire-reader.js';

/** Length-delimited string fields back to back, as the reader meets them inside a message. */
function fields(...texts: string[]): Buffer {
  return Buffer.concat(
    texts.map((text) => {
      const bytes = Buffer.from(text, 'utf8');
      assert.ok(bytes.length < 128, 'one-byte length prefix only');
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    }),
  );
}

describe('ProtobufWireReader.interned', () => {
  it('reads every string exactly, repeated, alike in length, non-ASCII or too long to intern', () => {
    const long = 'x'.repeat(100);
    const texts = ['http.route', 'http.route', 'http.rouTe', 'service.name', 'ünïcödé', '', long, long, 'http.route'];
    const body = fields(...texts);
    const reader = new ProtobufWireReader(body);
    const read = texts.map(() => reader.interned(body.length));
    assert.deepEqual(read, texts);
    assert.equal(reader.pos, body.length);
  });

  it('gives the same string for the same bytes while later bytes of the body change nothing', () => {
    const body = fields('k8s.pod.name', 'k8s.pod.name');
    const reader = new ProtobufWireReader(body);
    const first = reader.interned(body.length);
    body.fill(0x41, reader.pos + 1);
    assert.equal(reader.interned(body.length), 'AAAAAAAAAAAA');
    assert.equal(first, 'k8s.pod.name');
  });
});

describe('ProtobufWireReader.internedHex', () => {
  it('reads ids as lowercase hex, repeated or not, apart from the same bytes read as text', () => {
    const ids = ['abc', 'abc', 'abd', '0af7651916cd43dd', 'x'.repeat(100)];
    const body = fields(...ids, 'abc');
    const reader = new ProtobufWireReader(body);
    const read = ids.map(() => reader.internedHex(body.length));
    assert.deepEqual(read, ids.map((id) => Buffer.from(id, 'utf8').toString('hex')));
    assert.equal(reader.interned(body.length), 'abc');
    assert.equal(reader.pos, body.length);
  });
});
