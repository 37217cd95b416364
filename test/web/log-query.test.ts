import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  incidentLogsHref,
  logEvidenceHref,
  logPatternHref,
  logPatternsHref,
  logSearchHref,
  parseLogSearchQuery,
  searchWindow,
  severityName,
  traceLogsHref,
  type LogSearchQuery,
} from '../../web/src/log-query.js';
import { sparklineColumns, sparklineWindow } from '../../web/src/sparkline-options.js';
import { parseRoute } from '../../web/src/use-hash-route.js';

const TRACE = '5b8efff798038103d269b633813fc60c';

describe('log search URLs', () => {
  it('round-trips every filter, with quotes, & and = in the query text', () => {
    const query: LogSearchQuery = {
      text: '"10.0.0.1" AND a=b&c',
      services: ['cart', 'pay ments'],
      minSeverity: 'warn',
      templateId: 't18785aa7',
      traceId: TRACE,
      range: { kind: 'last', preset: '6h' },
    };
    assert.deepEqual(parseRoute(logSearchHref(query)), { page: 'logs', query });
  });

  it('opens on every log of any time when the URL says nothing usable', () => {
    assert.equal(logSearchHref({}), '#/logs');
    assert.deepEqual(parseRoute('#/logs'), { page: 'logs', query: { services: [] } });
    assert.deepEqual(parseLogSearchQuery('q=%20%20&severity=loud&service=&service=cart&service=cart&range=2d'), { services: ['cart'] });
  });

  it('jumps from a trace to every log of it, and from an incident to its services’ errors in its window', () => {
    assert.deepEqual(parseRoute(traceLogsHref(TRACE)), { page: 'logs', query: { services: [], traceId: TRACE } });
    const window = { fromMs: 1000.4, toMs: 2000.2 };
    assert.deepEqual(parseRoute(incidentLogsHref(['checkout', 'payment'], window)), {
      page: 'logs',
      query: { services: ['checkout', 'payment'], minSeverity: 'error', range: { kind: 'fixed', fromMs: 1000, toMs: 2001 } },
    });
    assert.equal(parseLogSearchQuery(incidentLogsHref(['checkout'], window, { errorsOnly: false }).split('?')[1] ?? '').minSeverity, undefined);
  });
});

describe('searchWindow', () => {
  it('keeps a fixed window, and leaves "last" ranges open at the newest end', () => {
    assert.deepEqual(searchWindow({ kind: 'fixed', fromMs: 10, toMs: 20 }, 99_999_999), { fromMs: 10, toMs: 20 });
    assert.deepEqual(searchWindow({ kind: 'last', preset: '15m' }, 10_000_000), { fromMs: 10_000_000 - 15 * 60_000 });
  });
});

describe('logEvidenceHref', () => {
  const evidence = {
    service: 'checkout',
    templates: [{ templateId: 't1', template: 'payment failed for <*>', count: 4 }],
    fromMs: 1000,
    toMs: 5000,
    minSeverity: 17,
    query: '/api/v1/logs?service=checkout&templateId=t1&minSeverity=17&from=1000&to=5000',
    samples: [],
  };

  it('opens the lines of a one-template signal: service, template, severity floor and window', () => {
    assert.deepEqual(parseRoute(logEvidenceHref(evidence, 9000)), {
      page: 'logs',
      query: { services: ['checkout'], templateId: 't1', minSeverity: 'error', range: { kind: 'fixed', fromMs: 1000, toMs: 5000 } },
    });
  });

  it('drops the template filter for a burst over several templates, and runs an open window past the last sighting', () => {
    const burst = { ...evidence, templates: [...evidence.templates, { templateId: 't2', template: 'timeout', count: 2 }], toMs: undefined, minSeverity: undefined };
    assert.deepEqual(parseRoute(logEvidenceHref(burst, 9000)), {
      page: 'logs',
      query: { services: ['checkout'], range: { kind: 'fixed', fromMs: 1000, toMs: 9000 + 5 * 60_000 } },
    });
  });
});

describe('log pattern URLs', () => {
  it('lists patterns over the last hour by default, optionally of one service', () => {
    assert.deepEqual(parseRoute('#/logs/patterns'), { page: 'log-patterns', query: { range: { kind: 'last', preset: '1h' } } });
    const href = logPatternsHref({ service: 'cart', range: { kind: 'last', preset: '15m' } });
    assert.deepEqual(parseRoute(href), { page: 'log-patterns', query: { service: 'cart', range: { kind: 'last', preset: '15m' } } });
  });

  it('opens one pattern by an id that needs escaping, keeping the service that disambiguates it', () => {
    assert.deepEqual(parseRoute(logPatternHref('t/1 ?x', { service: 'cart' })), {
      page: 'log-pattern',
      templateId: 't/1 ?x',
      query: { service: 'cart', range: { kind: 'last', preset: '1h' } },
    });
  });
});

describe('severityName', () => {
  it('names the OTLP range a number falls in, and unspecified outside 1-24', () => {
    const names = [0, 1, 4, 5, 9, 12, 13, 17, 20, 21, 24, 25].map(severityName);
    assert.deepEqual(names, ['unspecified', 'trace', 'trace', 'debug', 'info', 'info', 'warn', 'error', 'error', 'fatal', 'fatal', 'unspecified']);
  });
});

describe('sparkline columns', () => {
  it('places bucket i at from + i × bucketMs and spans first to last bucket', () => {
    assert.deepEqual(sparklineColumns([0, 2, 1], 1000, 60), [[1000, 1060, 1120], [0, 2, 1]]);
    assert.deepEqual(sparklineWindow(3, 1000, 60), { fromMs: 1000, toMs: 1120 });
    // One bucket still gives a window with width, so uPlot has a scale.
    assert.deepEqual(sparklineWindow(1, 1000, 60), { fromMs: 1000, toMs: 1060 });
  });
});
