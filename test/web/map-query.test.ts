import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentMapHref, mapHref, parseMapQuery } from '../../web/src/map-query.js';

describe('parseMapQuery()', () => {
  it('reads highlighted services, the chosen one and the range, defaulting to the last 15 minutes', () => {
    assert.deepEqual(parseMapQuery('highlight=cart,%20payment,,cart&service=cart'), {
      range: { kind: 'last', preset: '15m' },
      highlight: ['cart', 'payment'],
      service: 'cart',
    });
    assert.deepEqual(parseMapQuery('from=1000&to=2000'), { range: { kind: 'fixed', fromMs: 1000, toMs: 2000 }, highlight: [] });
  });
});

describe('mapHref()', () => {
  it('writes what parseMapQuery reads, with readable commas', () => {
    const href = mapHref({ highlight: ['cart', 'payment'], service: 'cart', range: { kind: 'last', preset: '1h' } });
    assert.equal(href, '#/map?highlight=cart,payment&service=cart&range=1h');
    assert.deepEqual(parseMapQuery(href.slice('#/map?'.length)), { range: { kind: 'last', preset: '1h' }, highlight: ['cart', 'payment'], service: 'cart' });
    assert.equal(mapHref({}), '#/map');
  });

  it('links an incident to its services over its window', () => {
    assert.equal(incidentMapHref(['a', 'b'], { fromMs: 1000.4, toMs: 2000.2 }), '#/map?highlight=a,b&from=1000&to=2001');
  });
});
