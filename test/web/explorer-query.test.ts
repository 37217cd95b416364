import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explorerHref, explorerHrefFor, parseExplorerQuery, rangeId, resolveRange } from '../../web/src/explorer-query.js';
import { parseRoute } from '../../web/src/use-hash-route.js';

const KEY = 'http.server.duration.p95{service="cart",route="/add?x=1&y=2"}';

describe('explorer URLs', () => {
  it('round-trips a key with braces, quotes, & and = through the hash', () => {
    const href = explorerHref({ key: KEY, range: { kind: 'last', preset: '6h' } });
    assert.match(href, /^#\/metrics\?/);
    assert.deepEqual(parseRoute(href), { page: 'metrics', query: { key: KEY, range: { kind: 'last', preset: '6h' } } });
  });

  it('links a series over a fixed window, widened to whole milliseconds', () => {
    const href = explorerHrefFor(KEY, { fromMs: 1000.4, toMs: 2000.2 });
    assert.deepEqual(parseRoute(href), { page: 'metrics', query: { key: KEY, range: { kind: 'fixed', fromMs: 1000, toMs: 2001 } } });
  });

  it('opens on the last hour without a key when the query says nothing usable', () => {
    const fallback = { key: undefined, range: { kind: 'last', preset: '1h' } };
    assert.deepEqual(parseRoute('#/metrics'), { page: 'metrics', query: fallback });
    assert.deepEqual(parseRoute('#/metrics/'), { page: 'metrics', query: fallback });
    assert.deepEqual(parseExplorerQuery('range=2d'), fallback);
    // A reversed or half-given window is not a window.
    assert.deepEqual(parseExplorerQuery('from=20&to=10'), fallback);
    assert.deepEqual(parseExplorerQuery('from=20'), fallback);
    assert.deepEqual(parseExplorerQuery('from=&to=10'), fallback);
    assert.deepEqual(parseExplorerQuery('from=abc&to=10&range=15m'), { key: undefined, range: { kind: 'last', preset: '15m' } });
  });

  it('leaves the other routes alone', () => {
    assert.deepEqual(parseRoute('#/services'), { page: 'services' });
    assert.deepEqual(parseRoute('#/incidents/inc_1'), { page: 'incident', id: 'inc_1' });
    assert.deepEqual(parseRoute('#/metricsx'), { page: 'not-found', hash: '#/metricsx' });
  });
});

describe('resolveRange()', () => {
  const NOW = Date.parse('2030-01-01T12:00:00Z');

  it('ends a preset at now', () => {
    assert.deepEqual(resolveRange({ kind: 'last', preset: '15m' }, NOW), { fromMs: NOW - 15 * 60_000, toMs: NOW });
    assert.deepEqual(resolveRange({ kind: 'last', preset: '24h' }, NOW), { fromMs: NOW - 86_400_000, toMs: NOW });
  });

  it('keeps a fixed window whatever the time', () => {
    assert.deepEqual(resolveRange({ kind: 'fixed', fromMs: 5, toMs: 9 }, NOW), { fromMs: 5, toMs: 9 });
  });

  it('names ranges apart, for poll keys', () => {
    assert.notEqual(rangeId({ kind: 'last', preset: '1h' }), rangeId({ kind: 'last', preset: '6h' }));
    assert.notEqual(rangeId({ kind: 'fixed', fromMs: 1, toMs: 2 }), rangeId({ kind: 'fixed', fromMs: 1, toMs: 3 }));
  });
});
