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
