import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LogPatternDetailResponseSchema, LogPatternsResponseSchema, type LogPattern } from '../../../src/core/api.js';
import { logRecord } from '../../fixtures/otlp/json-builders.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendLogs } from '../log-ingest.js';

const T0 = FIXED_NOW - 50 * 60_000;
const MINUTE = 60_000;

async function patterns(h: Harness, query = '') {
  const response = await h.app.inject({ url: `/api/v1/log-patterns?${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return LogPatternsResponseSchema.parse(response.json());
}

function byTemplate(list: readonly LogPattern[], template: string): LogPattern {
  const found = list.find((p) => p.template === template);
  assert.ok(found, `no pattern ${template} in ${list.map((p) => p.template).join(' | ')}`);
  return found;
}

describe('GET /api/v1/log-patterns', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // 6 logins in the first 10 minutes, cache warm-ups that refine their template, one error.
    await sendLogs(h, [
      ...[42, 7, 42, 9, 42, 7].map((user, i) => logRecord(T0 + i * 2 * MINUTE, `user ${user} logged in from 10.0.0.${i}`)),
      logRecord(T0 + 20 * MINUTE, 'Cache warmed for region north in cart'),
      logRecord(T0 + 21 * MINUTE, 'Cache warmed for region south in cart'),
      logRecord(T0 + 40 * MINUTE, 'payment failed: card declined for order 991', { severity: 17 }),
    ]);
    await sendLogs(h, [logRecord(T0 + 41 * MINUTE, 'payment failed: card declined for order 17', { severity: 21 })], 'payments');
  });
  after(() => h.close());

  it('lists templates most frequent first with counts, first/last seen, severity and samples', async () => {
    const body = await patterns(h, 'service=cart');
    assert.deepEqual(
      body.patterns.map((p) => [p.template, p.count]),
      [
        ['user <*> logged in from <*>', 6],
        ['Cache warmed for region <*> in cart', 2],
        ['payment failed: card declined for order <*>', 1],
      ],
    );
    const logins = byTemplate(body.patterns, 'user <*> logged in from <*>');
    assert.equal(logins.service, 'cart');
    assert.equal(logins.firstSeenMs, T0);
    assert.equal(logins.lastSeenMs, T0 + 10 * MINUTE);
    assert.equal(logins.maxSeverityText, 'INFO');
    assert.deepEqual(logins.samples.map((s) => s.body), ['user 7 logged in from 10.0.0.5', 'user 42 logged in from 10.0.0.4', 'user 9 logged in from 10.0.0.3']);
    assert.ok(logins.samples.every((s) => s.templateId === logins.templateId));
    assert.equal(byTemplate(body.patterns, 'payment failed: card declined for order <*>').maxSeverityText, 'ERROR');
  });

  it('counts each template per bucket over the window for a sparkline', async () => {
    const body = await patterns(h, `service=cart&from=${T0}&to=${T0 + 60 * MINUTE - 1}&buckets=6`);
    assert.equal(body.bucketMs, 10 * MINUTE);
    assert.deepEqual(byTemplate(body.patterns, 'user <*> logged in from <*>').series, [5, 1, 0, 0, 0, 0]);
    assert.deepEqual(byTemplate(body.patterns, 'Cache warmed for region <*> in cart').series, [0, 0, 2, 0, 0, 0]);
    assert.deepEqual(byTemplate(body.patterns, 'payment failed: card declined for order <*>').series, [0, 0, 0, 0, 1, 0]);
  });

  it('filters by service and minimum severity, and reports ingest counts', async () => {
    const all = await patterns(h);
    assert.deepEqual(new Set(all.patterns.map((p) => p.service)), new Set(['cart', 'payments']));
    const errors = await patterns(h, 'minSeverity=error');
    assert.deepEqual(errors.patterns.map((p) => [p.service, p.maxSeverityText]), [
      ['cart', 'ERROR'],
      ['payments', 'FATAL'],
    ]);
    assert.equal(all.ingest.lines, 10);
    assert.equal(all.ingest.mined, 10);
  });

  it('GET /api/v1/log-patterns/:templateId gives parameter values and the change history', async () => {
    const list = await patterns(h, 'service=cart');
    const logins = byTemplate(list.patterns, 'user <*> logged in from <*>');
    const response = await h.app.inject({ url: `/api/v1/log-patterns/${logins.templateId}` });
    assert.equal(response.statusCode, 200, response.body);
    const detail = LogPatternDetailResponseSchema.parse(response.json());
    assert.equal(detail.pattern.count, 6);
    assert.equal(detail.linesExamined, 6);
    assert.deepEqual(detail.parameters[0], {
      position: 0,
      values: [
        { value: '42', count: 3 },
        { value: '7', count: 2 },
        { value: '9', count: 1 },
      ],
      distinct: 3,
    });
    assert.equal(detail.parameters[1]?.distinct, 6);

    const cache = byTemplate(list.patterns, 'Cache warmed for region <*> in cart');
    const refined = LogPatternDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/log-patterns/${cache.templateId}` })).json());
    assert.deepEqual(refined.changes, [
      { timeMs: T0 + 21 * MINUTE, from: 'Cache warmed for region north in cart', to: 'Cache warmed for region <*> in cart' },
    ]);
    assert.equal(refined.pattern.changeCount, 1);
  });

  it('answers 404 for an unknown template and 409 when two services share its id until one is chosen', async () => {
    const missing = await h.app.inject({ url: '/api/v1/log-patterns/tnothere' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json<{ message: string }>().message, /Log template tnothere not found/);

    // Ids hash a template's first text, so the same first line in two services gives one id.
    await sendLogs(h, [logRecord(T0, 'shared line with no values')], 'a');
    await sendLogs(h, [logRecord(T0, 'shared line with no values')], 'b');
    const [shared] = (await patterns(h, 'service=a')).patterns;
    assert.ok(shared);
    const ambiguous = await h.app.inject({ url: `/api/v1/log-patterns/${shared.templateId}` });
    assert.equal(ambiguous.statusCode, 409);
    assert.match(ambiguous.json<{ message: string }>().message, /exists in services a, b; pass \?service=/);
    const chosen = await h.app.inject({ url: `/api/v1/log-patterns/${shared.templateId}?service=b` });
    assert.equal(chosen.statusCode, 200);
    assert.equal(LogPatternDetailResponseSchema.parse(chosen.json()).pattern.service, 'b');
  });

  it('answers 400 for a reversed window or out-of-range buckets', async () => {
    for (const query of [`from=${T0 + 1}&to=${T0}`, 'buckets=0', 'buckets=501', 'samples=11']) {
      const response = await h.app.inject({ url: `/api/v1/log-patterns?${query}` });
      assert.equal(response.statusCode, 400, query);
      assert.match(response.json<{ message: string }>().message, /querystring\.(from|buckets|samples)/, query);
    }
  });
});
