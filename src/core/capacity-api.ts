/**
 * Shapes of capacity forecasts and right-sizing (docs/capacity.md; src/act/capacity). Shared by
 * the server (validation + OpenAPI), the CLI and web/ (types through z.infer).
 */
import { z } from 'zod';
import { QueryTimeSchema } from './incident-api.js';

export const SaturationResourceSchema = z.enum(['disk', 'memory', 'cpu', 'connections', 'queue', 'quota']);
export type SaturationResource = z.infer<typeof SaturationResourceSchema>;

const TimeValueSchema = z.object({ timeMs: z.number(), value: z.number() });

export const ExhaustionSchema = z
  .object({
    exhaustedNow: z.boolean().describe('The newest observation is at or above the limit'),
    expectedMs: z.number().optional().describe('When the point forecast reaches the limit; absent when it does not within the horizon'),
    earliestMs: z.number().optional().describe('When the upper band of the prediction interval reaches it'),
    latestMs: z.number().optional().describe('When the lower band reaches it; absent when even the lower band stays under the limit'),
  })
  .describe('Time to exhaustion with its range from the prediction interval');

export const CapacityForecastSchema = z.object({
  key: z.string().describe('Series key'),
  name: z.string().describe('Metric name'),
  service: z.string(),
  instance: z.string().optional(),
  resource: SaturationResourceSchema,
  limit: z.number().describe('The value at which the resource is exhausted'),
  limitFrom: z.string().describe('"ratio" (limit 1), "percent" (limit 100) or the key of the series that gave the limit'),
  current: TimeValueSchema.describe('The newest observation'),
  utilisation: z.number().describe('current.value / limit'),
  exhaustion: ExhaustionSchema,
  model: z.object({
    kind: z.string().describe('Forecast model (see GET /api/v1/series/forecast)'),
    stepMs: z.number(),
    periodMs: z.number().optional().describe('Seasonal period used'),
  }),
  history: z.array(TimeValueSchema).optional().describe('History on the forecast grid; only with points=true'),
  forecast: z
    .array(z.object({ timeMs: z.number(), value: z.number(), lower: z.number(), upper: z.number() }))
    .optional()
    .describe('Forecast with its prediction interval; only with points=true'),
});
export type CapacityForecast = z.infer<typeof CapacityForecastSchema>;

export const CapacityForecastsQuerySchema = z.object({
  at: QueryTimeSchema.optional().describe('Evaluation time (epoch ms or RFC 3339); default the newest stored point'),
  historyHours: z.coerce.number().gt(0).max(24 * 90).default(72).describe('History each forecast is fitted on'),
  horizonHours: z.coerce.number().gt(0).max(24 * 90).default(168).describe('How far ahead to look; a forecast reaches at most three times as far as its history'),
  service: z.string().min(1).optional(),
  resource: SaturationResourceSchema.optional(),
  points: z
    .enum(['true', 'false'])
    .default('false')
    .transform((flag) => flag === 'true')
    .describe('Include history and forecast points for charts'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('Most forecasts returned (soonest exhaustion first)'),
});
export type CapacityForecastsQuery = z.infer<typeof CapacityForecastsQuerySchema>;

export const CapacityForecastsResponseSchema = z.object({
  atMs: z.number().describe('Evaluation time'),
  forecasts: z.array(CapacityForecastSchema).describe('Soonest exhaustion first (exhausted now, then by expected time, then by utilisation)'),
  skipped: z
    .array(z.object({ key: z.string(), reason: z.string() }))
    .describe('Saturation series that could not be forecast (no limit known, too little history)'),
});
export type CapacityForecastsResponse = z.infer<typeof CapacityForecastsResponseSchema>;

const UsageStatsSchema = z.object({
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  samples: z.number().int(),
});

export const RightsizingFlagSchema = z.enum(['idle', 'over-provisioned', 'under-provisioned', 'no-request', 'no-limit']);

export const ResourceSizingSchema = z.object({
  usage: UsageStatsSchema,
  request: z.number().optional(),
  limit: z.number().optional(),
  recommendedRequest: z.number().describe('p95 × headroom'),
  recommendedLimit: z.number().describe('max × headroom'),
  savings: z.number().describe('request − recommended request (negative: it needs more)'),
  savingsShare: z.number().optional().describe('savings / request; absent without a request'),
  flags: z.array(RightsizingFlagSchema),
});
export type ResourceSizing = z.infer<typeof ResourceSizingSchema>;

export const RightsizingRowSchema = z.object({
  service: z.string(),
  instance: z.string(),
  cpu: ResourceSizingSchema.optional().describe('In cores'),
  memory: ResourceSizingSchema.optional().describe('In bytes'),
});
export type RightsizingRow = z.infer<typeof RightsizingRowSchema>;

export const RightsizingQuerySchema = z.object({
  from: QueryTimeSchema.optional().describe('Window start (epoch ms or RFC 3339); default `to` − 24 h'),
  to: QueryTimeSchema.optional().describe('Window end; default the newest stored point'),
  headroom: z.coerce.number().min(1).max(10).default(1.2).describe('Multiplier on p95 (request) and max (limit)'),
  service: z.string().min(1).optional(),
});
export type RightsizingQuery = z.infer<typeof RightsizingQuerySchema>;

export const RightsizingResponseSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  headroom: z.number(),
  rows: z.array(RightsizingRowSchema).describe('By service then instance'),
  totals: z.object({
    cpuSavingsCores: z.number().describe('Sum of positive CPU savings'),
    memorySavingsBytes: z.number().describe('Sum of positive memory savings'),
    cpuRequestedCores: z.number(),
    memoryRequestedBytes: z.number(),
  }),
});
export type RightsizingResponse = z.infer<typeof RightsizingResponseSchema>;
