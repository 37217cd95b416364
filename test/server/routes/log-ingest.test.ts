/**
 * Log ingest end to end through the public HTTP APIs (OTLP/JSON in, /api/v1 out): bad bodies,
 * template ids across a restart, and retention keeping the full-text index in step.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LogPatternsResponseSchema, LogSearchResponseSchema, type LogEntry } from '../../../src/core/api.js';
import type { MinedLog } from '../../../src/core/records.js';
import { encodeJson, logRecord, logsRequest } from '../../fixtures/otlp/json-builders.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendLogs } from '../log-ingest.js';

const T0 = FIXED_NOW - 10 * 60_000;

async function allLogs(h: Harness, query = ''): Promise<LogEntry[]> {
  const response = await h.app.inject({ url: `/api/v1/logs?limit=1000&${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return LogSearchResponseSchema.parse(response.json()).logs;
}

async function ingestStats(h: Harness) {
  return LogPatternsResponseSchema.parse((await h.app.inject({ url: '/api/v1/log-patterns' })).json()).ingest;
}

describe('log ingest: bad input', () => {
  let h: Harness;
  after(() => h.close());

  it('cuts 1 MB lines, repairs invalid UTF-8, keeps blank and binary bodies, counts each, and never fails', async () => {
    h = await startHarness();
    const huge = `start ${'x'.repeat(1_048_576)}`;
    const garbage = String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 73) % 256));
    await sendLogs(h, [
      logRecord(T0, huge),
      logRecord(T0 + 1, ''),
      logRecord(T0 + 2, garbage),
      logRecord(T0 + 3, 'lone surrogate \ud800 here'),
    ]);
    // Invalid UTF-8 bytes inside a JSON string: the decoder puts U+FFFD in their place.
    const json = encodeJson(logsRequest([logRecord(T0 + 4, 'bad bytes BYTES end')]));
    const raw = Buffer.concat([json.subarray(0, json.indexOf('BYTES')), Buffer.from([0xff, 0xfe, 0xc3]), json.subarray(json.indexOf('BYTES') + 5)]);
    await sendLogs(h, [], 'cart', raw);

    const logs = await allLogs(h);
    assert.equal(logs.length, 5);
    const cut = logs.find((log) => log.body.startsWith('start '));
    assert.equal(cut?.body.length, 65_536);
    assert.equal(cut?.attributes['opsloop.body.original_length'], huge.length);
    assert.ok(cut?.templateId);
    const blank = logs.find((log) => log.timeMs === T0 + 1);
    assert.equal(blank?.body, '');
    assert.equal(blank?.templateId, undefined, 'a blank body has no template');
    assert.ok(logs.find((log) => log.timeMs === T0 + 2)?.templateId, 'binary garbage is mined like text');
    assert.equal(logs.find((log) => log.timeMs === T0 + 3)?.body, 'lone surrogate \ufffd here');
    assert.equal(logs.find((log) => log.timeMs === T0 + 4)?.body, 'bad bytes \ufffd\ufffd\ufffd end');

    assert.deepEqual(await ingestStats(h), { lines: 5, mined: 4, empty: 1, truncated: 1, invalidText: 2, failed: 0, templatesEvicted: 0 });
    const metrics = (await h.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /^opsloop_log_lines_total\{outcome="empty"\} 1$/m);
    assert.match(metrics, /^opsloop_log_bodies_truncated_total 1$/m);
    assert.match(metrics, /^opsloop_log_bodies_invalid_text_total 2$/m);
    assert.match(metrics, /# TYPE opsloop_log_lines_total counter/);
    // The cut body is searchable like any other.
    assert.equal((await allLogs(h, 'q=start')).length, 1);
  });
});

describe('log ingest: template ids across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-logs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(lines: readonly string[], timeMs: number): Promise<{ mined: MinedLog[]; logs: LogEntry[] }> {
    const h = await startHarness({ storePath: join(dir, 'opsloop.db') });
    const mined: MinedLog[] = [];
    h.engine.bus.subscribe('logs.mined', (batch) => {
      mined.push(...batch);
    });
    try {
      await sendLogs(h, lines.map((line, i) => logRecord(timeMs + i, line)));
      return { mined, logs: await allLogs(h, `from=${timeMs}`) };
    } finally {
      await h.close();
    }
  }

  it('restores each service miner from its snapshot: known lines keep their ids and are not new again', async () => {
    const first = await run(['user 42 logged in from 10.0.0.1', 'Cache warmed for region north in cart', 'Cache warmed for region south in cart'], T0);
    assert.deepEqual(first.mined.map((m) => m.change), ['created', 'created', 'refined']);
    const second = await run(['user 7 logged in from 10.0.0.9', 'Cache warmed for region west in cart'], T0 + 60_000);
    assert.deepEqual(second.mined.map((m) => m.change), ['matched', 'matched'], 'a fresh miner would have created both');
    assert.equal(second.mined[0]?.templateId, first.mined[0]?.templateId);
    assert.equal(second.mined[1]?.templateId, first.mined[1]?.templateId);
    assert.equal(second.mined[1]?.template, 'Cache warmed for region <*> in cart');
    assert.deepEqual(
      second.logs.map((log) => log.templateId),
      [first.mined[1]?.templateId, first.mined[0]?.templateId],
    );
    assert.deepEqual(second.mined[0], {
      service: 'cart',
      templateId: first.mined[0]?.templateId,
      template: 'user <*> logged in from <*>',
      change: 'matched',
      severityNumber: 9,
      timeMs: T0 + 60_000,
    });
  });
});

describe('log ingest: retention', () => {
  let h: Harness;
  after(() => h.close());

  it('pruning removes old logs from search and their templates from the patterns, keeping the rest findable', async () => {
    h = await startHarness();
    await sendLogs(h, [logRecord(T0, 'ancient frobnicator stalled'), logRecord(T0 + 1, 'ancient frobnicator stalled again')]);
    await sendLogs(h, [logRecord(T0 + 5_000, 'fresh frobnicator started')]);
    const deleted = h.store.telemetry.pruneBefore(T0 + 1_000);
    assert.equal(deleted, 2);
    assert.deepEqual((await allLogs(h, 'q=frobnicator')).map((log) => log.body), ['fresh frobnicator started']);
    assert.deepEqual(await allLogs(h, 'q=ancient'), []);
    const { patterns } = LogPatternsResponseSchema.parse((await h.app.inject({ url: '/api/v1/log-patterns' })).json());
    assert.deepEqual(patterns.map((p) => p.template), ['fresh frobnicator started']);
  });
});
