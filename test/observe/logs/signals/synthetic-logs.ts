/**
 * Synthetic mined-log streams for the log signal tests: seeded, so every run sees the same
 * lines, with Poisson counts per bucket like real traffic rather than a flat line.
 */
import type { MinedLog } from '../../../../src/core/records.js';
import { createRng } from '../../../../src/demo/prng.js';

/** A whole minute, so buckets start where the stream does. */
export const T0 = 1_789_999_980_000;
export const BUCKET_MS = 60_000;
export const INFO = 9;
export const ERROR = 17;

export interface StreamTemplate {
  templateId: string;
  template: string;
  severityNumber: number;
  /** Mean lines per bucket. */
  rate: number;
}

export const CHECKOUT_TEMPLATES: readonly StreamTemplate[] = [
  { templateId: 't-order', template: 'Order placed: order_id=<*> user_id=<*> total=<*> USD', severityNumber: INFO, rate: 40 },
  { templateId: 't-cart', template: 'Fetched cart for user <*>: <*> item(s)', severityNumber: INFO, rate: 25 },
  { templateId: 't-gc', template: 'gc <*> @<*>s 0%: heap <*>MB goal <*>MB', severityNumber: INFO, rate: 6 },
  { templateId: 't-timeout', template: 'Request to payment failed: charge: timeout after <*>ms', severityNumber: ERROR, rate: 1 },
];

/** Lines of one bucket for `service`, spread over it; `rates` overrides a template's mean. */
export function bucketLines(
  rng: ReturnType<typeof createRng>,
  service: string,
  bucket: number,
  templates: readonly StreamTemplate[],
  rates: Readonly<Record<string, number>> = {},
): MinedLog[] {
  const lines: MinedLog[] = [];
  for (const t of templates) {
    const n = rng.poisson(rates[t.templateId] ?? t.rate);
    for (let i = 0; i < n; i++) {
      const timeMs = T0 + bucket * BUCKET_MS + Math.floor(rng.uniform(0, BUCKET_MS));
      lines.push({ service, templateId: t.templateId, template: t.template, change: 'matched', severityNumber: t.severityNumber, timeMs });
    }
  }
  return lines.sort((a, b) => a.timeMs - b.timeMs);
}
