import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WantedKeys, wantedKeysOf } from '../../../src/ingest/otlp/wanted-keys.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Matches `text` as it would lie inside a larger body, so offsets matter. */
function matchIn(keys: WantedKeys, text: string): string | undefined {
  const key = utf8(text);
  const body = new Uint8Array(key.length + 6);
  body.set(key, 3);
  return keys.match(body, 3, 3 + key.length);
}

describe('WantedKeys', () => {
  const keys = new WantedKeys(['error.type', 'exception.type', 'db.system', 'ключ', '']);

  it('matches a wanted key by its UTF-8 bytes and gives its text', () => {
    assert.equal(matchIn(keys, 'error.type'), 'error.type');
    assert.equal(matchIn(keys, 'exception.type'), 'exception.type');
    assert.equal(matchIn(keys, 'ключ'), 'ключ');
    assert.equal(matchIn(keys, ''), '');
    assert.equal(keys.wantsEmptyKey, true);
    assert.equal(new WantedKeys(['error.type']).wantsEmptyKey, false);
  });

  it('refuses keys of the same length that differ anywhere, and prefixes and extensions', () => {
    assert.equal(matchIn(keys, 'error.typf'), undefined);
    assert.equal(matchIn(keys, 'frror.type'), undefined);
    assert.equal(matchIn(keys, 'db.systen'), undefined);
    assert.equal(matchIn(keys, 'error.typ'), undefined);
    assert.equal(matchIn(keys, 'error.types'), undefined);
    assert.equal(matchIn(keys, 'http.request.method'), undefined);
  });

  it('wants nothing, not even the empty key, when built from no keys', () => {
    assert.equal(matchIn(new WantedKeys([]), ''), undefined);
    assert.equal(matchIn(new WantedKeys([]), 'error.type'), undefined);
  });

  it('is built once per set of keys', () => {
    const set = new Set(['a']);
    assert.equal(wantedKeysOf(set), wantedKeysOf(set));
    assert.notEqual(wantedKeysOf(set), wantedKeysOf(new Set(['a'])));
  });
});
