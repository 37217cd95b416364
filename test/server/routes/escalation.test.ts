/**
 * Escalation end to end on a fake wall clock: the rule's policy pages whoever the schedule has
 * on call, then the next level after its timeout, repeats, survives a restart of the process
 * (file store), and stops on acknowledgement.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IncidentListResponseSchema } from '../../../src/core/api.js';
import { EscalationListResponseSchema } from '../../../src/core/notify-api.js';
import { startHttpSink, type HttpSink } from '../../support/http-sink.js';
import { startHarness, type Harness } from '../harness.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const MIN = 60_000;

describe('escalation', () => {
  let sink: HttpSink;
  let dir: string;
  let clock = T0;
  let h: Harness;
  const start = () => startHarness({ now: () => clock, storePath: join(dir, 'opsloop.db') });
  before(async () => {
    sink = await startHttpSink();
    dir = mkdtempSync(join(tmpdir(), 'opsloop-escalation-'));
    h = await start();
    const put = async (url: string, payload: object) => {
      const response = await h.app.inject({ method: 'POST', url, payload });
      assert.equal(response.statusCode, 201, response.body);
    };
    for (const id of ['ana', 'ben', 'lead']) await put('/api/v1/users', { id, name: id, slackWebhook: `${sink.url}/dm/${id}` });
    await put('/api/v1/schedules', {
      id: 'primary', name: 'Primary', timeZone: 'Europe/Berlin',
      layers: [{ name: 'weekly', users: ['ana', 'ben'], start: '2026-05-25T09:00', rotation: { every: 1, unit: 'weeks' } }],
    });
    await put('/api/v1/escalation-policies', {
      id: 'web', name: 'Web', repeat: 1,
      levels: [
        { targets: [{ type: 'schedule', id: 'primary' }], escalateAfterMinutes: 5 },
        { targets: [{ type: 'user', id: 'lead' }], escalateAfterMinutes: 10 },
      ],
    });
    await put('/api/v1/notifications/rules', { id: 'page', name: 'Page', matchers: ['severity="critical"'], escalationPolicy: 'web' });
  });
  after(async () => {
    await Promise.all([h.close(), sink.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const paged = () => sink.received.map((r) => r.path.replace('/dm/', ''));
  const tickAt = async (minutes: number) => {
    clock = T0 + minutes * MIN;
    h.engine.notifications.tick();
    await h.engine.notifications.idle();
  };

  it('pages the on-call person at once, and the next level only after the timeout', async () => {
    const sent = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'checkout down', service: 'checkout', severity: 'critical' } });
    assert.equal(sent.statusCode, 202);
    await h.engine.settle();
    await h.engine.notifications.idle();
    assert.deepEqual(paged(), ['ben'], 'week 2 of the rotation: ben is on call');
    await tickAt(4.9);
    assert.deepEqual(paged(), ['ben']);
    await tickAt(5);
    assert.deepEqual(paged(), ['ben', 'lead']);
  });

  it('resumes after a restart and repeats the policy', async () => {
    await h.close();
    h = await start();
    await tickAt(15);
    assert.deepEqual(paged(), ['ben', 'lead', 'ben']);
    const { escalations } = EscalationListResponseSchema.parse((await h.app.inject({ url: '/api/v1/escalations?status=active' })).json());
    assert.deepEqual(escalations.map((e) => [e.level, e.round]), [[0, 1]]);
  });

  it('stops when the incident is acknowledged', async () => {
    const { incidents } = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json());
    const ack = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${incidents[0]?.id ?? ''}/acknowledge`, payload: { by: 'ben' } });
    assert.equal(ack.statusCode, 200);
    await h.engine.settle();
    await tickAt(60);
    assert.deepEqual(paged(), ['ben', 'lead', 'ben']);
    const { escalations } = EscalationListResponseSchema.parse((await h.app.inject({ url: '/api/v1/escalations' })).json());
    assert.deepEqual(escalations.map((e) => e.status), ['stopped']);
  });
});
