import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScheduleSchema, type Schedule } from '../../../src/core/notify-api.js';
import { finalShifts, onCallAt } from '../../../src/engage/oncall/final-shifts.js';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

function schedule(input: Partial<Schedule> & Pick<Schedule, 'layers'>): Schedule {
  return ScheduleSchema.parse({ id: 'primary', name: 'Primary', timeZone: 'Europe/Berlin', ...input });
}

describe('finalShifts()', () => {
  it('hands a daily rotation over at 09:00 local time across the spring DST change (a 23-hour shift)', () => {
    const s = schedule({ layers: [{ name: 'daily', users: ['ana', 'ben'], start: '2026-03-27T09:00', rotation: { every: 1, unit: 'days' } }] });
    const shifts = finalShifts(s, { fromMs: at('2026-03-28T00:00:00Z'), toMs: at('2026-03-31T00:00:00Z') });
    assert.deepEqual(
      shifts.map((x) => [x.userId, iso(x.startMs), iso(x.endMs)]),
      [
        ['ana', '2026-03-28T00:00:00.000Z', '2026-03-28T08:00:00.000Z'],
        ['ben', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z'], // CET 09:00 → CEST 09:00: 23 h
        ['ana', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z'],
        ['ben', '2026-03-30T07:00:00.000Z', '2026-03-31T00:00:00.000Z'],
      ],
    );
  });

  it('gives a 25-hour shift at the autumn change and keeps exact lengths for hour rotations', () => {
    const daily = schedule({ layers: [{ name: 'd', users: ['ana', 'ben'], start: '2026-10-24T09:00', rotation: { every: 1, unit: 'days' } }] });
    const [first] = finalShifts(daily, { fromMs: at('2026-10-24T07:00:00Z'), toMs: at('2026-10-26T00:00:00Z') });
    assert.equal(first && (first.endMs - first.startMs) / 3_600_000, 25);
    const hourly = schedule({ layers: [{ name: 'h', users: ['ana', 'ben'], start: '2026-10-24T09:00', rotation: { every: 12, unit: 'hours' } }] });
    const shifts = finalShifts(hourly, { fromMs: at('2026-10-24T07:00:00Z'), toMs: at('2026-10-26T07:00:00Z') });
    assert.deepEqual(shifts.map((x) => (x.endMs - x.startMs) / 3_600_000), [12, 12, 12, 12]);
  });

  it('lets an override cover part of a shift and a later layer win over an earlier one', () => {
    const s = schedule({
      timeZone: 'America/New_York',
      layers: [
        { name: 'weekly', users: ['ana', 'ben'], start: '2026-11-02T10:00', rotation: { every: 1, unit: 'weeks' } },
        { name: 'nights', users: ['cy'], start: '2026-11-02T10:00', rotation: { every: 1, unit: 'days' }, restriction: { from: '22:00', to: '06:00' } },
      ],
      overrides: [{ userId: 'dee', fromMs: at('2026-11-03T17:00:00Z'), toMs: at('2026-11-03T19:00:00Z') }],
    });
    const shifts = finalShifts(s, { fromMs: at('2026-11-03T12:00:00Z'), toMs: at('2026-11-04T12:00:00Z') });
    assert.deepEqual(
      shifts.map((x) => [x.userId, x.source, iso(x.startMs), iso(x.endMs)]),
      [
        ['ana', 'weekly', '2026-11-03T12:00:00.000Z', '2026-11-03T17:00:00.000Z'],
        ['dee', 'override', '2026-11-03T17:00:00.000Z', '2026-11-03T19:00:00.000Z'],
        ['ana', 'weekly', '2026-11-03T19:00:00.000Z', '2026-11-04T03:00:00.000Z'],
        ['cy', 'nights', '2026-11-04T03:00:00.000Z', '2026-11-04T11:00:00.000Z'], // 22:00-06:00 EST
        ['ana', 'weekly', '2026-11-04T11:00:00.000Z', '2026-11-04T12:00:00.000Z'],
      ],
    );
  });

  it('onCallAt() names nobody before the layer starts and the whole shift once it has', () => {
    const s = schedule({ layers: [{ name: 'daily', users: ['ana', 'ben'], start: '2026-06-01T09:00', rotation: { every: 1, unit: 'days' } }] });
    assert.equal(onCallAt(s, at('2026-06-01T06:00:00Z')), undefined);
    const shift = onCallAt(s, at('2026-06-02T12:00:00Z'));
    assert.deepEqual(shift && [shift.userId, iso(shift.startMs), iso(shift.endMs)], ['ben', '2026-06-02T07:00:00.000Z', '2026-06-03T07:00:00.000Z']);
  });
});
