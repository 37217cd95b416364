import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OnCallNowResponseSchema, ShiftsResponseSchema } from '../../../src/core/notify-api.js';
import { startHarness, type Harness } from '../harness.js';

const NOW = Date.parse('2026-03-28T20:00:00Z');

describe('on-call routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: () => NOW });
    for (const id of ['ana', 'ben', 'cy']) {
      const response = await h.app.inject({ method: 'POST', url: '/api/v1/users', payload: { id, name: id.toUpperCase(), email: `${id}@example.com`, timeZone: 'Europe/Berlin' } });
      assert.equal(response.statusCode, 201, response.body);
    }
    const schedule = await h.app.inject({
      method: 'POST',
      url: '/api/v1/schedules',
      payload: {
        id: 'primary', name: 'Primary', timeZone: 'Europe/Berlin',
        layers: [{ name: 'daily', users: ['ana', 'ben'], start: '2026-03-27T09:00', rotation: { every: 1, unit: 'days' } }],
        overrides: [{ userId: 'cy', fromMs: Date.parse('2026-03-29T12:00:00Z'), toMs: Date.parse('2026-03-29T14:00:00Z') }],
      },
    });
    assert.equal(schedule.statusCode, 201, schedule.body);
  });
  after(() => h.close());

  it("shows a user's Slack webhook by origin only, and keeps it on a PUT of what was read", async () => {
    const user = { id: 'kim', name: 'Kim', slackWebhook: 'https://hooks.example.com/services/T9/B9/personal-secret' };
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/users', payload: user })).statusCode, 201);
    const read = (await h.app.inject({ url: '/api/v1/users/kim' })).json<{ slackWebhook: string }>();
    assert.equal(read.slackWebhook, 'https://hooks.example.com/********');
    assert.equal((await h.app.inject({ method: 'PUT', url: '/api/v1/users/kim', payload: { ...read, name: 'Kim L' } })).statusCode, 200);
    assert.equal(h.store.notify.get('user', 'kim')?.slackWebhook, user.slackWebhook);
  });

  it('GET /api/v1/oncall/now names the person on call with their user record', async () => {
    const body = OnCallNowResponseSchema.parse((await h.app.inject({ url: '/api/v1/oncall/now?schedule=primary' })).json());
    const [entry] = body.schedules;
    assert.equal(entry?.onCall[0]?.userId, 'ben');
    assert.equal(entry?.onCall[0]?.user?.email, 'ben@example.com');
    assert.equal(new Date(entry?.onCall[0]?.endMs ?? 0).toISOString(), '2026-03-29T07:00:00.000Z', '09:00 CEST, after the DST change');
    const later = OnCallNowResponseSchema.parse((await h.app.inject({ url: '/api/v1/oncall/now?at=2026-03-29T13:00:00Z' })).json());
    assert.equal(later.schedules[0]?.onCall[0]?.userId, 'cy');
    assert.equal((await h.app.inject({ url: '/api/v1/oncall/now?schedule=nope' })).statusCode, 404);
  });

  it('GET /api/v1/schedules/:id/shifts renders final shifts with the override', async () => {
    const response = await h.app.inject({ url: '/api/v1/schedules/primary/shifts?from=2026-03-29T00:00:00Z&to=2026-03-30T00:00:00Z' });
    assert.equal(response.statusCode, 200, response.body);
    const { shifts } = ShiftsResponseSchema.parse(response.json());
    assert.deepEqual(
      shifts.map((s) => [s.userId, s.source, new Date(s.startMs).toISOString().slice(11, 16), new Date(s.endMs).toISOString().slice(11, 16)]),
      [
        ['ben', 'daily', '00:00', '07:00'],
        ['ana', 'daily', '07:00', '12:00'],
        ['cy', 'override', '12:00', '14:00'],
        ['ana', 'daily', '14:00', '00:00'],
      ],
    );
  });

  it('rejects a bad window, an unknown time zone and unknown users, naming them', async () => {
    const wide = await h.app.inject({ url: '/api/v1/schedules/primary/shifts?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z' });
    assert.equal(wide.statusCode, 400);
    assert.match(wide.json<{ message: string }>().message, /at most 93 days/);
    const backwards = await h.app.inject({ url: '/api/v1/schedules/primary/shifts?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z' });
    assert.equal(backwards.statusCode, 400);
    const garbage = await h.app.inject({ url: '/api/v1/schedules/primary/shifts?from=yesterday' });
    assert.equal(garbage.statusCode, 400);
    const zone = await h.app.inject({ method: 'PUT', url: '/api/v1/schedules/x', payload: { id: 'x', name: 'X', timeZone: 'Mars/Olympus', layers: [{ name: 'l', users: ['ana'], start: '2026-01-01T09:00', rotation: { every: 1, unit: 'days' } }] } });
    assert.equal(zone.statusCode, 400);
    assert.match(zone.json<{ message: string }>().message, /timeZone.*IANA time zone/);
    const user = await h.app.inject({ method: 'PUT', url: '/api/v1/schedules/x', payload: { id: 'x', name: 'X', timeZone: 'UTC', layers: [{ name: 'l', users: ['ana', 'zed'], start: '2026-01-01T09:00', rotation: { every: 1, unit: 'days' } }] } });
    assert.equal(user.json<{ message: string }>().message, 'Invalid request: body.layers[0].users[1]: user "zed" does not exist');
  });
});
