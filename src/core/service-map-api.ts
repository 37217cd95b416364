/**
 * Shapes of the service map API (GET /api/v1/service-graph, GET /api/v1/services/{service}).
 * Shared by the server (validation + OpenAPI) and web/ (types through z.infer).
 */
import { z } from 'zod';
import { AlertSchema, IncidentStatusSchema, type SpanKind } from './records.js';

/**
 * What the service map needs of a stored span: its own fields and, for server/consumer spans,
 * its parent's. The store reads these for a window; src/observe/traces/service-map.ts sums them.
 */
export interface MapSpan {
  service: string;
  instance?: string;
  name: string;
  kind: SpanKind;
  durationMs: number;
  error: boolean;
  peer?: string;
  /** db.system.name or db.system of a client span. */
  dbSystem?: string;
  /** messaging.system of a client/producer span. */
  messagingSystem?: string;
  parent?: { service: string; kind: SpanKind; peer?: string };
}

/** Rate, errors and duration of a set of spans in the window. */
export const MapStatsSchema = z.object({
  requests: z.number().int().describe('Spans counted in the window'),
  ratePerSec: z.number().describe('requests / window length in seconds'),
  errorRatio: z.number().min(0).max(1),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number(),
});
export type MapStats = z.infer<typeof MapStatsSchema>;

export const HealthStateSchema = z.enum(['ok', 'degraded', 'failing']);
export type HealthState = z.infer<typeof HealthStateSchema>;

export const NodeHealthSchema = z.object({
  state: HealthStateSchema,
  reasons: z.array(z.string()).describe('Why it is not ok, in plain words; empty when ok'),
});
export type NodeHealth = z.infer<typeof NodeHealthSchema>;

export const MapNodeKindSchema = z
  .enum(['service', 'database', 'queue', 'external'])
  .describe('service: sends its own spans; database, queue, external: known only from callers\' client/producer spans');
export type MapNodeKind = z.infer<typeof MapNodeKindSchema>;

export const MapInstanceSchema = z.object({
  name: z.string().describe('k8s.pod.name, service.instance.id or host.name of the resource'),
  host: z.string().optional().describe('k8s.node.name or host.name of the resource it last reported from'),
  stats: MapStatsSchema,
});
export type MapInstance = z.infer<typeof MapInstanceSchema>;

export const MapNodeSchema = z.object({
  name: z.string(),
  kind: MapNodeKindSchema,
  system: z.string().optional().describe('db.system(.name) or messaging.system, for databases and queues'),
  stats: MapStatsSchema.describe("A service's server and consumer spans; for the others, their callers' calls to them"),
  health: NodeHealthSchema,
  instances: z.array(MapInstanceSchema),
});
export type MapNode = z.infer<typeof MapNodeSchema>;

export const MapEdgeSchema = z.object({
  caller: z.string(),
  callee: z.string(),
  kind: z.enum(['request', 'messaging']).describe('request: client → server; messaging: producer → queue → consumer'),
  observedBy: z.enum(['caller', 'callee']).describe("Whose spans the stats come from: the caller's client/producer spans when it has them"),
  stats: MapStatsSchema,
});
export type MapEdge = z.infer<typeof MapEdgeSchema>;

/** A machine (node) and the instances of the map that run on it. */
export const MapHostSchema = z.object({
  name: z.string(),
  instances: z.array(z.object({ service: z.string(), instance: z.string() })),
});
export type MapHost = z.infer<typeof MapHostSchema>;

export const ServiceGraphQuerySchema = z.object({
  from: z.coerce.number().int().optional().describe('Epoch ms; default: `to` − 15 minutes'),
  to: z.coerce.number().int().optional().describe('Epoch ms; default: now'),
});

export const ServiceGraphResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  spans: z.number().int().describe('Spans read for the window'),
  truncated: z.boolean().describe('The window held more spans than the limit; stats cover its newest spans'),
  nodes: z.array(MapNodeSchema),
  edges: z.array(MapEdgeSchema),
  hosts: z.array(MapHostSchema).describe('Hosts of the instances on the map, by name; two services sharing one shows up here'),
});
export type ServiceGraphResponse = z.infer<typeof ServiceGraphResponseSchema>;

export const OperationStatsSchema = z.object({
  name: z.string().describe('Span name of a server or consumer span'),
  kind: z.enum(['server', 'consumer']),
  stats: MapStatsSchema,
});
export type OperationStats = z.infer<typeof OperationStatsSchema>;

export const NeighbourSchema = z.object({ name: z.string(), kind: MapNodeKindSchema, edge: MapEdgeSchema });
export type Neighbour = z.infer<typeof NeighbourSchema>;

export const ServiceDetailResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  truncated: z.boolean(),
  node: MapNodeSchema,
  operations: z.array(OperationStatsSchema).describe('Busiest first'),
  callers: z.array(NeighbourSchema),
  callees: z.array(NeighbourSchema),
  alerts: z.array(AlertSchema).describe('Firing alerts of the service, newest first'),
  incidents: z
    .array(z.object({ id: z.string(), title: z.string(), status: IncidentStatusSchema }))
    .describe('Open incidents that involve the service'),
});
export type ServiceDetailResponse = z.infer<typeof ServiceDetailResponseSchema>;

export const ServiceParamsSchema = z.object({ service: z.string().min(1) });
