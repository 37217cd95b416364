import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LogSearchResponseSchema, type LogEntry } from '../../../src/core/api.js';
import { logRecord } from '../../fixtures/otlp/json-builders.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendLogs } from '../log-ingest.js';

const T0 = FIXED_NOW - 30 * 60_000;
const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

async function search(h: Harness, query: string): Promise<{ logs: LogEntry[]; nextCursor?: string | undefined }> {
  const response = await h.app.inject({ url: `/api/v1/logs?${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return LogSearchResponseSchema.parse(response.json());
}

async function searchError(h: Harness, query: string): Promise<{ statusCode: number; code: string; message: string }> {
  const response = await h.app.inject({ url: `/api/v1/logs?${query}` });
  return { statusCode: response.statusCode, ...response.json<{ code: string; message: string }>() };
}

const bodies = (page: { logs: LogEntry[] }) => page.logs.map((log) => log.body);

describe('GET /api/v1/logs', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await sendLogs(h, [
      logRecord(T0, 'user 42 logged in from 10.0.0.1'),
      logRecord(T0 + 1_000, 'user 7 logged in from 10.0.0.2'),
      logRecord(T0 + 2_000, 'payment failed: card declined for order 991', { severity: 17, traceId: TRACE, spanId: SPAN }),
      logRecord(T0 + 3_000, 'cart checked out in 35 ms', { severity: 5 }),
    ]);
    await sendLogs(h, [logRecord(T0 + 4_000, 'payment failed: card declined for order 17', { severity: 21 })], 'payments');
  });
  after(() => h.close());

  it('returns every stored log newest first, each with the template its service mined', async () => {
    const page = await search(h, '');
    assert.deepEqual(bodies(page), [
      'payment failed: card declined for order 17',
      'cart checked out in 35 ms',
      'payment failed: card declined for order 991',
      'user 7 logged in from 10.0.0.2',
      'user 42 logged in from 10.0.0.1',
    ]);
    const [payments, checkout, payment, login7, login42] = page.logs;
    assert.ok(login42?.templateId);
    assert.equal(login7?.templateId, login42.templateId, 'two logins share one template');
    assert.notEqual(payment?.templateId, login42.templateId);
    assert.notEqual(checkout?.templateId, login42.templateId);
    assert.equal(payment?.traceId, TRACE);
    assert.equal(payment?.spanId, SPAN);
    assert.equal(payment?.severityText, 'ERROR');
    assert.equal(payments?.service, 'payments');
    assert.equal(page.nextCursor, undefined);
  });

  it('finds logs by full text and marks the matched words in a snippet', async () => {
    const page = await search(h, `q=${encodeURIComponent('declined')}&service=cart`);
    assert.deepEqual(bodies(page), ['payment failed: card declined for order 991']);
    assert.deepEqual(page.logs[0]?.snippet, [
      { text: 'payment failed: card ', match: false },
      { text: 'declined', match: true },
      { text: ' for order 991', match: false },
    ]);
    const phrase = await search(h, `q=${encodeURIComponent('"10.0.0.2"')}`);
    assert.deepEqual(bodies(phrase), ['user 7 logged in from 10.0.0.2']);
    const prefix = await search(h, `q=${encodeURIComponent('log* NOT 42')}`);
    assert.deepEqual(bodies(prefix), ['user 7 logged in from 10.0.0.2']);
  });

  it('filters by service, minimum severity (name or number), template, trace and time range', async () => {
    assert.equal((await search(h, 'service=payments')).logs.length, 1);
    // Repeated: any of the services (the jump from an incident names all of its services).
    assert.deepEqual(bodies(await search(h, 'service=payments&service=cart&minSeverity=error')), [
      'payment failed: card declined for order 17',
      'payment failed: card declined for order 991',
    ]);
    assert.equal((await search(h, 'service=payments&service=nosuch')).logs.length, 1);
    assert.deepEqual(bodies(await search(h, 'minSeverity=error&service=cart')), ['payment failed: card declined for order 991']);
    assert.deepEqual(bodies(await search(h, 'minSeverity=21')), ['payment failed: card declined for order 17']);
    assert.deepEqual(bodies(await search(h, `traceId=${TRACE.toUpperCase()}`)), ['payment failed: card declined for order 991']);
    assert.deepEqual(bodies(await search(h, `from=${T0 + 1_000}&to=${T0 + 2_000}`)), [
      'payment failed: card declined for order 991',
      'user 7 logged in from 10.0.0.2',
    ]);
    const [login] = (await search(h, `q=logged&limit=1`)).logs;
    assert.deepEqual(bodies(await search(h, `templateId=${login?.templateId ?? ''}`)), [
      'user 7 logged in from 10.0.0.2',
      'user 42 logged in from 10.0.0.1',
    ]);
  });

  it('pages with nextCursor: no log twice, none skipped, and no cursor after the last page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(h, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...bodies(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, bodies(await search(h, 'limit=100')));
  });

  it('answers 400 naming the query, not 500, for malformed FTS5 queries', async () => {
    for (const q of ['"unclosed', 'AND', 'nosuchcolumn:word', '10.0.0.1', '(a OR']) {
      const error = await searchError(h, `q=${encodeURIComponent(q)}`);
      assert.equal(error.statusCode, 400, q);
      assert.equal(error.code, 'OPS_ERR_VALIDATION');
      assert.match(error.message, /querystring\.q: .* is not a valid full-text query \(.+\)/, q);
    }
  });

  it('answers 400 with the field for bad filters', async () => {
    const cases: Array<[string, RegExp]> = [
      ['minSeverity=loud', /querystring\.minSeverity: expected trace, debug, info, warn, error, fatal or a severity number 1-24, got "loud"/],
      ['minSeverity=25', /querystring\.minSeverity/],
      ['cursor=not-a-cursor', /querystring\.cursor: is not a cursor/],
      ['traceId=xyz', /querystring\.traceId: expected 32 hex digits/],
      ['limit=0', /querystring\.limit/],
      [`from=${T0 + 1}&to=${T0}`, /querystring\.from \(\d+\) is after querystring\.to/],
    ];
    for (const [query, message] of cases) {
      const error = await searchError(h, query);
      assert.equal(error.statusCode, 400, query);
      assert.match(error.message, message, query);
    }
  });
});
