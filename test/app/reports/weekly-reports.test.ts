import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChannelSchema } from '../../../src/core/notify-api.js';
import { ReportListResponseSchema, StoredReportSchema } from '../../../src/core/report-api.js';
import { seedWorld } from '../../act/reports/report-world.js';
import { startHarness, type Harness } from '../../server/harness.js';
import { startHttpSink } from '../../support/http-sink.js';
import { startSmtpSink } from '../../support/smtp-sink.js';

const DAY = 86_400_000;

describe('the weekly improvement report', () => {
  // Wednesday 2030-01-09: opsloop starts mid-week.
  let nowMs = Date.parse('2030-01-09T12:00:00Z');
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ now: () => nowMs, config: { reports: { weekly: { day: 'monday', hour: 8, timeZone: 'Europe/Berlin' } } } });
    seedWorld(harness.store);
  });
  after(() => harness.close());

  it('waits for the first slot after start, then makes the week before it once', () => {
    assert.deepEqual(harness.engine.reports.runDue(), []);
    nowMs = Date.parse('2030-01-14T06:59:59Z');
    assert.deepEqual(harness.engine.reports.runDue(), [], 'Monday 07:59:59 in Berlin is not yet 08:00');
    nowMs = Date.parse('2030-01-14T07:00:30Z');
    const [made, ...rest] = harness.engine.reports.runDue();
    assert.equal(rest.length, 0);
    assert.equal(made?.id, 'weekly-20300114T0700Z');
    assert.deepEqual([made?.fromMs, made?.toMs], [Date.parse('2030-01-07T07:00:00Z'), Date.parse('2030-01-14T07:00:00Z')]);
    // The seeded week starts at 00:00 UTC: a1 (01:00) and a2 (05:00) fall before Monday 08:00 Berlin.
    assert.equal(made?.report.summary.current.alerts, 6);
    assert.deepEqual(harness.engine.reports.runDue(), [], 'made once per week');
  });

  it('after downtime makes only the latest missed week', () => {
    nowMs = Date.parse('2030-01-14T07:00:30Z') + 3 * 7 * DAY;
    const made = harness.engine.reports.runDue();
    assert.deepEqual(made.map((r) => r.id), ['weekly-20300204T0700Z']);
  });

  it('lists stored reports newest first and reads one whole', async () => {
    const list = await harness.app.inject({ method: 'GET', url: '/api/v1/reports' });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(ReportListResponseSchema.parse(list.json()).reports.map((r) => r.id), ['weekly-20300204T0700Z', 'weekly-20300114T0700Z']);
    const one = await harness.app.inject({ method: 'GET', url: '/api/v1/reports/weekly-20300114T0700Z' });
    assert.equal(one.statusCode, 200);
    assert.equal(StoredReportSchema.parse(one.json()).report.summary.current.pages, 5);
    const missing = await harness.app.inject({ method: 'GET', url: '/api/v1/reports/weekly-nope' });
    assert.equal(missing.statusCode, 404);
  });
});

describe('the weekly report switched off', () => {
  it('is never made', async () => {
    let nowMs = Date.parse('2030-01-09T12:00:00Z');
    const harness = await startHarness({ now: () => nowMs, config: { reports: { weekly: { enabled: false } } } });
    try {
      nowMs += 14 * DAY;
      assert.deepEqual(harness.engine.reports.runDue(), []);
    } finally {
      await harness.close();
    }
  });
});

describe('the weekly report sent over channels', () => {
  it('posts the Markdown to a webhook (signed) and the headlines to Slack, and records how each went', async () => {
    const [sink, smtp] = await Promise.all([startHttpSink(), startSmtpSink()]);
    let nowMs = Date.parse('2030-01-09T12:00:00Z');
    const harness = await startHarness({ now: () => nowMs, config: { reports: { weekly: { channels: ['hook', 'chat', 'mail', 'gone'] } }, notifications: { publicUrl: 'https://ops.example.com' } } });
    try {
      seedWorld(harness.store);
      harness.store.notify.put('channel', ChannelSchema.parse({ id: 'hook', name: 'Hook', type: 'webhook', url: `${sink.url}/hook`, secret: 'report-secret' }));
      harness.store.notify.put('channel', ChannelSchema.parse({ id: 'chat', name: 'Chat', type: 'slack', url: `${sink.url}/slack` }));
      harness.store.notify.put('channel', ChannelSchema.parse({ id: 'mail', name: 'Mail', type: 'email', host: '127.0.0.1', port: smtp.port, from: 'opsloop@example.com', to: ['ops@example.com'] }));
      nowMs = Date.parse('2030-01-14T08:00:05Z');
      const [made] = harness.engine.reports.runDue();
      assert.ok(made);
      await harness.engine.reports.idle();

      const hook = sink.received.find((r) => r.path === '/hook');
      const hookBody = JSON.parse(hook?.body ?? '{}') as { event: string; subject: string; text: string; report: { id: string; url: string } };
      assert.equal(hookBody.event, 'report');
      assert.equal(hookBody.subject, 'opsloop improvement report: 2030-01-07 to 2030-01-14');
      assert.ok(hookBody.text.startsWith('# Improvement report: 2030-01-07 to 2030-01-14'));
      assert.equal(hookBody.report.url, 'https://ops.example.com/#/reports?id=weekly-20300114T0800Z');
      assert.match(String(hook?.headers['x-opsloop-signature']), /^sha256=[0-9a-f]{64}$/);
      const slack = JSON.parse(sink.received.find((r) => r.path === '/slack')?.body ?? '{}') as { blocks: Array<{ text?: { text: string } }> };
      assert.match(slack.blocks[1]?.text?.text ?? '', /• Pages: 5 \(previous 1\), at night: 3/);

      const [mail] = smtp.received;
      assert.deepEqual(mail?.to, ['ops@example.com']);
      assert.match(mail?.raw ?? '', /Subject: opsloop improvement report: 2030-01-07 to 2030-01-14/);
      assert.match(mail?.raw ?? '', /## On-call load/);

      const stored = harness.store.reports.get(made.id);
      assert.deepEqual(
        stored?.deliveries?.map((d) => [d.channel, d.status, d.attempts, d.error]),
        [
          ['hook', 'sent', 1, undefined],
          ['chat', 'sent', 1, undefined],
          ['mail', 'sent', 1, undefined],
          ['gone', 'failed', 0, 'channel gone does not exist'],
        ],
      );
    } finally {
      await harness.close();
      await Promise.all([sink.close(), smtp.close()]);
    }
  });
});
