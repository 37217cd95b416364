import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slotAfter, slotAtOrBefore, slotBefore } from '../../../src/act/reports/weekly-schedule.js';

const MONDAY_8_UTC = { day: 'monday', hour: 8, timeZone: 'UTC' } as const;
const MONDAY_8_BERLIN = { day: 'monday', hour: 8, timeZone: 'Europe/Berlin' } as const;

describe('slotAtOrBefore()', () => {
  it('finds the latest Monday 08:00 at or before a time', () => {
    // 2030-01-09 is a Wednesday.
    assert.equal(slotAtOrBefore(Date.parse('2030-01-09T12:00:00Z'), MONDAY_8_UTC), Date.parse('2030-01-07T08:00:00Z'));
    assert.equal(slotAtOrBefore(Date.parse('2030-01-07T08:00:00Z'), MONDAY_8_UTC), Date.parse('2030-01-07T08:00:00Z'));
    // A Monday before 08:00 belongs to the week before.
    assert.equal(slotAtOrBefore(Date.parse('2030-01-07T07:59:59Z'), MONDAY_8_UTC), Date.parse('2029-12-31T08:00:00Z'));
  });

  it('keeps the local hour in a time zone', () => {
    // Winter: Berlin is UTC+1.
    assert.equal(slotAtOrBefore(Date.parse('2030-01-09T12:00:00Z'), MONDAY_8_BERLIN), Date.parse('2030-01-07T07:00:00Z'));
  });
});

describe('slotAfter() and slotBefore()', () => {
  it('step a week on the wall clock across daylight saving', () => {
    // Berlin moves to summer time on Sunday 2030-03-31: the week ending Monday 2030-04-01 is 167 h.
    const before = Date.parse('2030-03-25T07:00:00Z');
    const after = slotAfter(before, MONDAY_8_BERLIN);
    assert.equal(after, Date.parse('2030-04-01T06:00:00Z'));
    assert.equal((after - before) / 3_600_000, 167);
    assert.equal(slotBefore(after, MONDAY_8_BERLIN), before);
  });
});
