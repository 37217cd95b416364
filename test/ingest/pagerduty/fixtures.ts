import { readFileSync } from 'node:fs';
import { PagerDutyEventSchema, type PagerDutyEvent } from '../../../src/ingest/pagerduty/index.js';

const DIR = new URL('../../fixtures/pagerduty/', import.meta.url);

/** A fixture as it arrives on the wire (raw JSON text parsed, not yet validated). */
export function rawFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;
}

export function fixture(name: string): PagerDutyEvent {
  return PagerDutyEventSchema.parse(rawFixture(name));
}

/** A fixture with one top-level field left out, as a sender that forgot it would send it. */
export function fixtureWithout(name: string, field: string): Record<string, unknown> {
  const raw = rawFixture(name);
  delete raw[field];
  return raw;
}
