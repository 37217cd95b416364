/**
 * Incident events to channels through the public API: rules with matchers and CEL, one message
 * per incident update in an alert storm, acknowledgement, the timeline and the delivery log;
 * configuration validation and template preview errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IncidentDetailResponseSchema, IncidentListResponseSchema } from '../../../src/core/api.js';
import { startHttpSink, type HttpSink } from '../../support/http-sink.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

interface Hook {
  event: string;
  incident: { id: string; alertCount: number };
}

describe('notification routing', () => {
  let h: Harness;
  let sink: HttpSink;
  let clock = FIXED_NOW;
  before(async () => {
    [h, sink] = await Promise.all([startHarness({ now: () => clock }), startHttpSink()]);
    const post = async (url: string, payload: object) => {
      const response = await h.app.inject({ method: 'POST', url, payload });
      assert.equal(response.statusCode, 201, response.body);
    };
    await post('/api/v1/notifications/channels', { id: 'payments', name: 'Payments', type: 'webhook', url: `${sink.url}/payments` });
    await post('/api/v1/notifications/channels', { id: 'critical', name: 'Critical', type: 'webhook', url: `${sink.url}/critical` });
    await post('/api/v1/notifications/channels', { id: 'rest', name: 'Everything else', type: 'webhook', url: `${sink.url}/rest` });
    await post('/api/v1/notifications/rules', { id: 'crit', name: 'Critical', order: 1, cel: 'incident.severity == "critical" && labels.env == "prod"', channels: ['critical'], continue: true });
    await post('/api/v1/notifications/rules', { id: 'pay', name: 'Payments', order: 2, matchers: ['service=~"pay.*"', 'env!="staging"'], channels: ['payments'], template: { body: '{{ incident.title }}: {{ incident.alertCount }} alerts' } });
    await post('/api/v1/notifications/rules', { id: 'rest', name: 'Rest', order: 3, channels: ['rest'] });
  });
  after(async () => {
    await Promise.all([h.close(), sink.close()]);
  });

  const event = (name: string, service: string, labels: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name, service, severity: 'critical', time: '2024-05-14T09:00:00Z', labels: { env: 'prod', ...labels } } });
  const hooks = (path: string) => sink.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as Hook);
  const idle = async () => {
    await h.engine.settle();
    await h.engine.notifications.idle();
  };

  it('routes an opened incident by CEL (continue) and matchers, not to the catch-all', async () => {
    assert.equal((await event('card declines', 'payment')).statusCode, 202);
    await idle();
    assert.deepEqual(hooks('/critical').map((x) => x.event), ['opened']);
    assert.deepEqual(hooks('/payments').map((x) => x.event), ['opened']);
    assert.deepEqual(hooks('/rest'), []);
    const text = (JSON.parse(sink.received.find((r) => r.path === '/payments')?.body ?? '{}') as { text: string }).text;
    assert.equal(text, 'payment: card declines: 1 alerts');
  });

  it('sends one message per incident update during an alert storm, then throttles', async () => {
    const before = hooks('/payments').length;
    clock += 301_000; // past the rule's default throttle of 300 s since the opening message
    const storm = Array.from({ length: 30 }, (_, i) => ({ name: `declines ${i}`, service: 'payment', severity: 'critical', time: '2024-05-14T09:00:10Z', labels: { env: 'prod' } }));
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: storm })).statusCode, 202);
    await idle();
    clock += 60_000;
    for (let i = 0; i < 5; i++) await event(`late ${i}`, 'payment');
    await idle();
    const updates = hooks('/payments').slice(before);
    assert.deepEqual(updates.map((x) => x.event), ['updated'], 'one update for the storm; later ones fall within the throttle');
    assert.equal(updates[0]?.incident.alertCount, 31);
  });

  it('sends the acknowledgement and records every send on the timeline and in the delivery log', async () => {
    const { incidents } = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json());
    const id = incidents[0]?.id ?? '';
    assert.equal((await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/acknowledge`, payload: { by: 'ana' } })).statusCode, 200);
    await idle();
    assert.deepEqual(hooks('/payments').map((x) => x.event), ['opened', 'updated', 'acknowledged']);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${id}` })).json());
    const notes = detail.timeline.filter((t) => t.kind === 'notification').map((t) => t.message);
    assert.ok(notes.includes('opened → webhook payments via rule pay: sent (1 attempt)'), notes.join('\n'));
    const log = (await h.app.inject({ url: `/api/v1/notifications/deliveries?incidentId=${id}` })).json<{ deliveries: Array<{ channel: string; event: string; status: string }> }>();
    assert.equal(log.deliveries.length, 6, "opened, updated and acknowledged, to critical and to payments");
    assert.ok(log.deliveries.every((d) => d.status === 'sent'));
  });

  it('rejects rules with bad CEL, bad matchers or unknown channels, naming the field', async () => {
    const rule = (fields: object) => h.app.inject({ method: 'POST', url: '/api/v1/notifications/rules', payload: { id: 'bad', name: 'Bad', ...fields } });
    const cel = await rule({ cel: 'incident.severity ==' });
    assert.equal(cel.statusCode, 400);
    assert.match(cel.json<{ message: string }>().message, /rule bad: CEL/);
    const matcher = await rule({ matchers: ['service=~"("'] });
    assert.match(matcher.json<{ message: string }>().message, /matcher "service=~\\"\(\\"": Invalid regular expression/);
    const channel = await rule({ channels: ['nope'] });
    assert.equal(channel.json<{ message: string }>().message, 'Invalid request: body.channels[0]: channel "nope" does not exist');
    const template = await rule({ template: { body: 'ok\n{{ incident.title | shout }}' } });
    assert.equal(template.json<{ message: string }>().message, 'Invalid request: body.template.template body line 2: undefined filter: shout');
    const duplicate = await h.app.inject({ method: 'POST', url: '/api/v1/notifications/rules', payload: { id: 'rest', name: 'Again' } });
    assert.equal(duplicate.statusCode, 409);
  });

  it('POST /api/v1/notifications/preview renders a template, or answers 400 with the line', async () => {
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/preview',
      payload: { channelType: 'email', template: { body: '{% for a in alerts %}{{ a.service }};{% endfor %}' } },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { subject: '[CRITICAL] payment: HighErrorRate (sample) (opened)', body: 'payment;checkout;' });
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/notifications/preview', payload: { template: { subject: 'x', body: 'line one\nline two\n{% if incident %}' } } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /body\.template\.template body line 3: tag \{% if incident %\} not closed/);
  });
});
