import { readFileSync } from 'node:fs';
import { GrafanaWebhookSchema, type GrafanaWebhook } from '../../../src/ingest/grafana/index.js';

const DIR = new URL('../../fixtures/grafana/', import.meta.url);

/** A fixture as it arrives on the wire (raw JSON text parsed, not yet validated). */
export function rawGrafanaFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;
}

export function grafanaFixture(name: string): GrafanaWebhook {
  return GrafanaWebhookSchema.parse(rawGrafanaFixture(name));
}
