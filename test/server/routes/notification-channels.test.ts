/**
 * Each channel against a real local receiver, through the public API ("send test"): webhook
 * with its HMAC signature and a retry, Slack-compatible payload, email over SMTP with auth.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DeliveryResponseSchema } from '../../../src/core/notify-api.js';
import { startHttpSink, type HttpSink } from '../../support/http-sink.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { startHarness, type Harness } from '../harness.js';

describe('notification channels', () => {
  let h: Harness;
  let http: HttpSink;
  let smtp: SmtpSink;
  before(async () => {
    [h, http, smtp] = await Promise.all([startHarness(), startHttpSink(), startSmtpSink({ user: 'opsloop', pass: 's3cret' })]);
  });
  after(async () => {
    await Promise.all([h.close(), http.close(), smtp.close()]);
  });

  const create = async (channel: object) => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/notifications/channels', payload: channel });
    assert.equal(response.statusCode, 201, response.body);
  };
  const sendTest = async (id: string) => {
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/notifications/channels/${id}/test` });
    assert.equal(response.statusCode, 200, response.body);
    return DeliveryResponseSchema.parse(response.json()).delivery;
  };

  it('webhook: signs the JSON body with HMAC-SHA256 and retries a 503', async () => {
    await create({ id: 'hook', name: 'Hook', type: 'webhook', url: `${http.url}/hook`, secret: 'a-long-secret', retries: 2, headers: { 'x-team': 'sre' } });
    http.failNext(1);
    const delivery = await sendTest('hook');
    assert.deepEqual([delivery.status, delivery.attempts, delivery.channelType], ['sent', 2, 'webhook']);
    const last = http.received.at(-1);
    assert.ok(last);
    assert.equal(last.path, '/hook');
    assert.equal(last.headers['x-team'], 'sre');
    const expected = createHmac('sha256', 'a-long-secret').update(`${String(last.headers['x-opsloop-timestamp'])}.${last.body}`).digest('hex');
    assert.equal(last.headers['x-opsloop-signature'], `sha256=${expected}`);
    const body = JSON.parse(last.body) as { event: string; incident: { id: string; services: string[] }; text: string };
    assert.equal(body.event, 'test');
    assert.deepEqual(body.incident.services, ['payment', 'checkout']);
    assert.match(body.text, /payment: HighErrorRate \(sample\) is triggered/);
  });

  it('never returns secrets, and a PUT of the placeholder keeps the stored one', async () => {
    const read = (await h.app.inject({ url: '/api/v1/notifications/channels/hook' })).json<{ secret: string; name: string; headers: Record<string, string> }>();
    assert.equal(read.secret, '********');
    assert.deepEqual(read.headers, { 'x-team': '********' }, 'header values may be credentials');
    const put = await h.app.inject({ method: 'PUT', url: '/api/v1/notifications/channels/hook', payload: { ...read, name: 'Hook renamed' } });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json<{ secret: string }>().secret, '********');
    await sendTest('hook');
    const last = http.received.at(-1);
    const expected = createHmac('sha256', 'a-long-secret').update(`${String(last?.headers['x-opsloop-timestamp'])}.${last?.body ?? ''}`).digest('hex');
    assert.equal(last?.headers['x-opsloop-signature'], `sha256=${expected}`, 'still signed with the stored secret');
    assert.equal(last?.headers['x-team'], 'sre', 'the stored header value is kept');
    const fresh = await h.app.inject({ method: 'POST', url: '/api/v1/notifications/channels', payload: { id: 'new', name: 'New', type: 'webhook', url: http.url, secret: '********' } });
    assert.equal(fresh.statusCode, 400);
    assert.match(fresh.json<{ message: string }>().message, /body\.secret is the placeholder/);
  });

  it('shows only the origin of a Slack webhook URL, and keeps the URL on a PUT of the placeholder', async () => {
    await create({ id: 'chat', name: 'Chat', type: 'slack', url: `${http.url}/services/T1/B1/path-secret` });
    const read = (await h.app.inject({ url: '/api/v1/notifications/channels/chat' })).json<{ url: string; name: string }>();
    assert.equal(read.url, `${http.url}/********`);
    const put = await h.app.inject({ method: 'PUT', url: '/api/v1/notifications/channels/chat', payload: { ...read, name: 'Chat renamed' } });
    assert.equal(put.statusCode, 200, put.body);
    await sendTest('chat');
    assert.equal(http.received.at(-1)?.path, '/services/T1/B1/path-secret');
  });

  it('webhook: gives up after its retries and records the error', async () => {
    await create({ id: 'flaky', name: 'Flaky', type: 'webhook', url: `${http.url}/flaky`, retries: 1 });
    http.failNext(5);
    const delivery = await sendTest('flaky');
    assert.deepEqual([delivery.status, delivery.attempts], ['failed', 2]);
    assert.match(delivery.error ?? '', /answered HTTP 503: busy/);
    http.failNext(0);
    const log = (await h.app.inject({ url: '/api/v1/notifications/deliveries?limit=1' })).json<{ deliveries: Array<{ channel: string }> }>();
    assert.equal(log.deliveries[0]?.channel, 'flaky');
  });

  it('slack: posts text and blocks to the incoming webhook', async () => {
    await create({ id: 'slack', name: 'Slack', type: 'slack', url: `${http.url}/services/T000/B000/XXXX` });
    const delivery = await sendTest('slack');
    assert.equal(delivery.status, 'sent');
    const body = JSON.parse(http.received.at(-1)?.body ?? '{}') as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    assert.equal(body.text, '[CRITICAL] payment: HighErrorRate (sample) (test)');
    assert.deepEqual(body.blocks.map((b) => b.type), ['header', 'section', 'context']);
    assert.match(body.blocks[1]?.text?.text ?? '', /^\*<http:\/\/.*#\/incidents\/inc_sample\|payment: HighErrorRate \(sample\)>\* is \*triggered\*/);
  });

  it('email: logs in to the SMTP server and sends the rendered message', async () => {
    await create({
      id: 'mail', name: 'Mail', type: 'email', host: '127.0.0.1', port: smtp.port, secure: false,
      auth: { user: 'opsloop', pass: 's3cret' }, from: 'opsloop@example.com', to: ['oncall@example.com'],
      template: { subject: 'Page: {{ incident.title }}' },
    });
    const delivery = await sendTest('mail');
    assert.equal(delivery.status, 'sent', delivery.error);
    const [mail] = await smtp.waitFor(1);
    assert.ok(mail);
    assert.equal(mail.user, 'opsloop');
    assert.equal(mail.from, 'opsloop@example.com');
    assert.deepEqual(mail.to, ['oncall@example.com']);
    assert.match(mail.raw, /^Subject: Page: payment: HighErrorRate \(sample\)$/m);
    assert.match(mail.raw, /Services: payment, checkout/);
    const read = (await h.app.inject({ url: '/api/v1/notifications/channels/mail' })).json<{ auth: { user: string; pass: string } }>();
    assert.deepEqual(read.auth, { user: 'opsloop', pass: '********' });
  });

  it('email: a refused login is a failed delivery, not retried', async () => {
    await create({ id: 'badmail', name: 'Bad', type: 'email', host: '127.0.0.1', port: smtp.port, auth: { user: 'opsloop', pass: 'wrong' }, from: 'o@example.com', to: ['x@example.com'] });
    const delivery = await sendTest('badmail');
    assert.deepEqual([delivery.status, delivery.attempts], ['failed', 1]);
    assert.match(delivery.error ?? '', /Invalid username or password/);
  });
});
