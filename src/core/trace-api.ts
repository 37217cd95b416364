/**
 * Shapes of the trace routes (GET /api/v1/traces, /api/v1/traces/{traceId}). Shared by the
 * server (validation + OpenAPI) and web/ (types through z.infer).
 */
import { z } from 'zod';
import { PageCursorSchema } from './api.js';

export const TraceIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, 'expected a trace id of 32 hex digits')
  .transform((id) => id.toLowerCase());

const DurationSchema = z.coerce.number().min(0).max(86_400_000);

export const TraceSearchQuerySchema = z.object({
  service: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(100)])
    .optional()
    .describe('A span of one service, or of any of several (service=a&service=b)'),
  operation: z.string().min(1).max(500).optional().describe('A span with this name'),
  status: z.enum(['ok', 'error']).optional().describe('error: a failed span; ok: a span that did not fail (status ok or unset)'),
  minDuration: DurationSchema.optional().describe('A span lasting at least this many ms'),
  maxDuration: DurationSchema.optional().describe('A span lasting at most this many ms'),
  from: z.coerce.number().int().optional().describe('Span start, epoch ms, included'),
  to: z.coerce.number().int().optional().describe('Span start, epoch ms, included'),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  // The same (time, id) position token as log search: here the last span the search read.
  cursor: PageCursorSchema.optional(),
});

export const TraceSummarySchema = z.object({
  traceId: z.string(),
  rootService: z.string().describe('Service of the root span (the earliest span when the root has not arrived)'),
  rootOperation: z.string(),
  startMs: z.number().describe("The first span's start"),
  durationMs: z.number().describe("From the first span's start to the last span's end"),
  spanCount: z.number().int(),
  errorCount: z.number().int().describe('Spans with status error'),
  services: z.array(z.string()).describe('Every service with a span in the trace, sorted'),
});
export type TraceSummary = z.infer<typeof TraceSummarySchema>;

export const TraceSearchResponseSchema = z.object({
  traces: z.array(TraceSummarySchema).describe('Newest first (by the start of their newest matching span)'),
  nextCursor: z.string().optional().describe('Present when more traces match; pass as cursor'),
});
export type TraceSearchResponse = z.infer<typeof TraceSearchResponseSchema>;

const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const TraceSpanSchema = z.object({
  spanId: z.string(),
  parentSpanId: z.string().optional().describe('Absent on the root; may name a span that is not stored'),
  service: z.string(),
  instance: z.string().optional(),
  name: z.string(),
  kind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']),
  startMs: z.number(),
  durationMs: z.number(),
  selfTimeMs: z.number().describe("Duration minus the time covered by the span's children within it"),
  status: z.enum(['unset', 'ok', 'error']),
  statusMessage: z.string().optional(),
  peerService: z.string().optional().describe('The callee of a client or producer span, from semantic-convention attributes'),
  attributes: z.record(z.string(), AttributeValueSchema),
});
export type TraceSpan = z.infer<typeof TraceSpanSchema>;

export const TraceDetailResponseSchema = z.object({
  trace: TraceSummarySchema,
  spans: z.array(TraceSpanSchema).describe('Every stored span of the trace, by start time'),
});
export type TraceDetailResponse = z.infer<typeof TraceDetailResponseSchema>;
