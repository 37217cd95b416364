import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_STORED_BODY_CHARS, cleanLogBody } from '../../../src/app/logs/log-body.js';

describe('cleanLogBody()', () => {
  it('keeps an ordinary body as it is', () => {
    assert.deepEqual(cleanLogBody('user 42 logged in'), { body: 'user 42 logged in', truncated: false, invalidText: false });
  });

  it('cuts a body longer than the limit, without leaving half a surrogate pair', () => {
    const cut = cleanLogBody('a'.repeat(MAX_STORED_BODY_CHARS - 1) + '😀tail');
    assert.equal(cut.truncated, true);
    assert.equal(cut.body.length, MAX_STORED_BODY_CHARS);
    assert.ok(cut.body.endsWith('\uFFFD'), 'the split pair becomes one replacement character');
  });

  it('replaces unpaired surrogates and flags text a decoder already repaired', () => {
    assert.deepEqual(cleanLogBody('a\uD800b\uDC00c'), { body: 'a\uFFFDb\uFFFDc', truncated: false, invalidText: true });
    assert.equal(cleanLogBody('bytes \uFFFD').invalidText, true);
    assert.equal(cleanLogBody('pair 😀 ok').invalidText, false);
  });

  it('keeps blank and binary bodies', () => {
    assert.deepEqual(cleanLogBody(''), { body: '', truncated: false, invalidText: false });
    assert.equal(cleanLogBody('\u0000\u0001\u00ff').body, '\u0000\u0001\u00ff');
  });
});
