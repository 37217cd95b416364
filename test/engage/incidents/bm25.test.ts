import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bm25Index } from '../../../src/engage/incidents/bm25.js';

function ids(index: Bm25Index, query: string[]): string[] {
  return index.search(query, { limit: 10 }).map((hit) => hit.id);
}

describe('Bm25Index', () => {
  it('scores a document by the formula of Robertson & Zaragoza (k1 1.2, b 0.75, k3 8)', () => {
    const index = new Bm25Index([
      { id: 'd1', terms: ['a', 'b'] },
      { id: 'd2', terms: ['a', 'c', 'c'] },
      { id: 'd3', terms: ['d'] },
    ]);
    // N 3, avdl 2; c is in one document: idf = ln(1 + 2.5/1.5). In d2: tf 2, dl 3.
    const idf = Math.log(1 + 2.5 / 1.5);
    const norm = 1.2 * (1 - 0.75 + (0.75 * 3) / 2);
    const expected = idf * ((2 * 2.2) / (norm + 2)) * ((1 * 9) / (8 + 1));
    const [hit] = index.search(['c'], { limit: 1 });
    assert.equal(hit?.id, 'd2');
    assert.ok(Math.abs((hit?.score ?? 0) - expected) < 1e-12, `${hit?.score} vs ${expected}`);
    assert.deepEqual(hit?.terms.map((t) => t.term), ['c']);
  });

  it('weighs a rare shared term above a common one', () => {
    const index = new Bm25Index([
      { id: 'common', terms: ['error', 'timeout'] },
      { id: 'rare', terms: ['error', 'oomkilled'] },
      { id: 'x', terms: ['error', 'disk'] },
      { id: 'y', terms: ['error', 'latency'] },
    ]);
    assert.ok(index.idf('oomkilled') > index.idf('error'));
    assert.deepEqual(ids(index, ['oomkilled', 'error']).slice(0, 1), ['rare']);
  });

  it('saturates term frequency: more repeats help, less and less', () => {
    const docs = [1, 2, 4, 8].map((tf) => ({ id: `tf${tf}`, terms: [...Array<string>(tf).fill('crash'), ...Array<string>(8 - tf).fill('pad')] }));
    const index = new Bm25Index([...docs, { id: 'other', terms: ['unrelated'] }]);
    const scores = ['tf1', 'tf2', 'tf4', 'tf8'].map((id) => index.search(['crash'], { limit: 10 }).find((hit) => hit.id === id)?.score ?? 0);
    for (let i = 1; i < scores.length; i++) assert.ok((scores[i] as number) > (scores[i - 1] as number));
    const gains = scores.slice(1).map((score, i) => score - (scores[i] as number));
    assert.ok((gains[1] as number) < (gains[0] as number) * 2, 'doubling tf again gains less than twice as much');
    assert.ok((scores[3] as number) < (scores[0] as number) * 8);
  });

  it('normalises for length with b, and not at all with b = 0', () => {
    const docs = [
      { id: 'short', terms: ['disk', 'full'] },
      { id: 'long', terms: ['disk', 'a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      { id: 'none', terms: ['cpu'] },
    ];
    assert.deepEqual(ids(new Bm25Index(docs), ['disk']), ['short', 'long']);
    const flat = new Bm25Index(docs, { b: 0 }).search(['disk'], { limit: 2 });
    assert.equal(flat[0]?.score, flat[1]?.score);
  });

  it('leaves out excluded ids and documents sharing nothing, breaks ties by id, honours limit', () => {
    const index = new Bm25Index([
      { id: 'b', terms: ['x'] },
      { id: 'a', terms: ['x'] },
      { id: 'self', terms: ['x'] },
      { id: 'z', terms: ['y'] },
    ]);
    assert.deepEqual(index.search(['x'], { limit: 10, exclude: new Set(['self']) }).map((h) => h.id), ['a', 'b']);
    assert.deepEqual(ids(index, ['x']).length, 3);
    assert.equal(index.search(['x'], { limit: 1 }).length, 1);
    assert.deepEqual(ids(index, ['nothing']), []);
    assert.deepEqual(ids(new Bm25Index([]), ['x']), []);
  });

  it('rejects parameters out of range, naming them', () => {
    assert.throws(() => new Bm25Index([], { b: 1.5 }), /b must be in \[0, 1\], got 1.5/);
    assert.throws(() => new Bm25Index([], { k1: -1 }), /k1 must be/);
  });
});
