import { readFileSync } from 'node:fs';
import { AlertmanagerWebhookSchema, type AlertmanagerWebhook } from '../../../src/ingest/alertmanager/index.js';

const DIR = new URL('../../fixtures/alertmanager/', import.meta.url);

/** A fixture as it arrives on the wire (raw JSON text parsed, not yet validated). */
export function rawFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));
}

export function fixture(name: string): AlertmanagerWebhook {
  return AlertmanagerWebhookSchema.parse(rawFixture(name));
}
