import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { episodeWindow, learningPoints, scoreColumns, VALUE_COLUMN, valueColumns } from '../../web/src/explorer-data.js';
import { filterSeries, servicesOf } from '../../web/src/series-filter.js';
import type { ScoredPoint, SeriesInfo } from '../../web/src/types.js';

const POINTS: ScoredPoint[] = [
  { timeMs: 1000, value: 5, anomalous: false },
  { timeMs: 2000, value: 6, score: 0.1, expected: 5.5, lower: 4, upper: 7, anomalous: false },
  { timeMs: 3000, value: 20, score: 0.9, expected: 5.5, lower: 4, upper: 7, anomalous: true },
];

describe('explorer chart columns', () => {
  it('aligns value, expected, band and anomalous points on time, null while learning', () => {
    const columns = valueColumns(POINTS);
    assert.deepEqual(columns[0], [1000, 2000, 3000]);
    assert.deepEqual(columns[VALUE_COLUMN.value], [5, 6, 20]);
    assert.deepEqual(columns[VALUE_COLUMN.expected], [null, 5.5, 5.5]);
    assert.deepEqual(columns[VALUE_COLUMN.lower], [null, 4, 4]);
    assert.deepEqual(columns[VALUE_COLUMN.upper], [null, 7, 7]);
    assert.deepEqual(columns[VALUE_COLUMN.anomalous], [null, null, 20]);
  });

  it('puts the score on the same times', () => {
    assert.deepEqual(scoreColumns(POINTS), [
      [1000, 2000, 3000],
      [null, 0.1, 0.9],
    ]);
    assert.equal(learningPoints(POINTS), 1);
  });
});

describe('episodeWindow()', () => {
  const MINUTE = 60_000;

  it('pads a short episode by 5 minutes on each side', () => {
    const episode = { startMs: 100 * MINUTE, endMs: 101 * MINUTE, direction: 'up', peakScore: 0.8, summary: '' } as const;
    assert.deepEqual(episodeWindow(episode, 200 * MINUTE), { fromMs: 95 * MINUTE, toMs: 106 * MINUTE });
  });

  it('pads a long one by its own length, and runs an open one to the end of the window', () => {
    const episode = { startMs: 100 * MINUTE, endMs: undefined, direction: 'down', peakScore: 0.8, summary: '' } as const;
    assert.deepEqual(episodeWindow(episode, 120 * MINUTE), { fromMs: 80 * MINUTE, toMs: 140 * MINUTE });
  });
});

describe('series picker filter', () => {
  const info = (service: string, name: string, labels: Record<string, string> = {}): SeriesInfo => ({
    key: `${name}{service="${service}"${Object.entries(labels).map(([k, v]) => `,${k}="${v}"`).join('')}}`,
    name,
    service,
    labels,
    lastMs: 0,
  });
  const SERIES = [info('cart', 'http.server.duration.p95', { route: '/add' }), info('cart', 'http.server.request_rate'), info('payment', 'http.server.duration.p95')];

  it('lists each service once, sorted', () => {
    assert.deepEqual(servicesOf([...SERIES].reverse()), ['cart', 'payment']);
  });

  it('keeps series of the service whose key holds every word, ignoring case', () => {
    const keys = (service: string | undefined, text: string) => filterSeries(SERIES, { service, text }).map((s) => s.key);
    assert.equal(keys(undefined, '').length, 3);
    assert.deepEqual(keys('payment', ''), [SERIES[2]?.key]);
    assert.deepEqual(keys(undefined, '  P95   CART '), [SERIES[0]?.key]);
    assert.deepEqual(keys('cart', 'rate'), [SERIES[1]?.key]);
    assert.deepEqual(keys('payment', 'rate'), []);
  });
});
