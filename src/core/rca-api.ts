/**
 * Request and response of POST /api/v1/rca (root causes of any time window). Shared by the
 * server (validation + OpenAPI), the CLI and the RCA benchmark.
 */
import { z } from 'zod';
import { CauseSchema } from './records.js';

/** The longest window ranked in one request: beyond a day the answer stops being fast. */
export const MAX_RCA_WINDOW_MS = 24 * 3_600_000;

export const RcaTimeSchema = z
  .union([z.number().min(0), z.iso.datetime({ offset: true })])
  .describe('Epoch milliseconds or RFC 3339 (e.g. 2026-11-27T14:00:00Z)');

export const RcaRequestSchema = z.object({
  from: RcaTimeSchema.describe('Start of the window (inclusive), epoch ms or RFC 3339'),
  to: RcaTimeSchema.describe('End of the window (inclusive), epoch ms or RFC 3339; after `from`, at most 24 h later'),
});
export type RcaRequest = z.infer<typeof RcaRequestSchema>;

export const RcaResponseSchema = z.object({
  causes: z.array(CauseSchema).describe('Likely root causes, best first (at most 5)'),
  fromMs: z.number().describe('The window, epoch ms'),
  toMs: z.number(),
  symptoms: z
    .object({ metrics: z.number().int(), alerts: z.number().int(), spans: z.number().int(), logs: z.number().int() })
    .describe('Symptoms found in the window by source: anomaly episodes of replayed series, alerts active in it, span and error-log findings'),
  tookMs: z.number().describe('Time spent ranking, ms'),
});
export type RcaResponse = z.infer<typeof RcaResponseSchema>;

/** Epoch ms of a window bound as the request gave it. */
export function windowTimeMs(time: RcaRequest['from']): number {
  return typeof time === 'number' ? time : Date.parse(time);
}
