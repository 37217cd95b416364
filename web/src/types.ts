/**
 * The API's shapes, taken from the server's zod schemas by z.infer (type-only imports, so no
 * zod code reaches the bundle). Never hand-copy a shape here: change src/core instead.
 */
import type { z } from 'zod';
import type {
  AlertListResponseSchema,
  FaultListResponseSchema,
  IncidentListResponseSchema,
  SeriesListResponseSchema,
  ServiceListResponseSchema,
  SnippetPartSchema,
} from '../../src/core/api.js';

export type { Alert, Cause, Change, Incident, IncidentStatus, LogEvidence, Priority, Severity, TimelineEntry, TraceEvidence } from '../../src/core/records.js';
export type { CatalogEntry, CatalogService, IncidentEditBody, Postmortem, Problem, SimilarIncident } from '../../src/core/incident-api.js';
export type {
  AnomalyEpisodeResponse as AnomalyEpisode,
  Fault,
  IncidentDetailResponse,
  LogEntry,
  LogPattern,
  LogPatternDetailResponse,
  LogPatternsResponse,
  LogSearchResponse,
  ScoredPointResponse as ScoredPoint,
  SeriesInfoResponse as SeriesInfo,
  SeriesResponse,
  SeriesScoresResponse,
  ServiceSummary,
} from '../../src/core/api.js';
import type {
  CatalogListResponseSchema,
  ProblemListResponseSchema,
  SimilarIncidentsResponseSchema,
} from '../../src/core/incident-api.js';

export type {
  Matcher,
  SilenceInput,
  AuditEntry,
  SilencePreviewResponse,
  SilenceState,
  SilenceView,
} from '../../src/core/silence-api.js';

export type {
  CapacityForecast,
  CapacityForecastsResponse,
  ResourceSizing,
  RightsizingResponse,
  RightsizingRow,
} from '../../src/core/capacity-api.js';

export type { TraceDetailResponse, TraceSearchResponse, TraceSpan, TraceSummary } from '../../src/core/trace-api.js';

export type {
  HealthState,
  MapEdge,
  MapNode,
  MapStats,
  Neighbour,
  ServiceDetailResponse,
  ServiceGraphResponse,
} from '../../src/core/service-map-api.js';

export type IncidentListResponse = z.infer<typeof IncidentListResponseSchema>;
export type ServiceListResponse = z.infer<typeof ServiceListResponseSchema>;
export type FaultListResponse = z.infer<typeof FaultListResponseSchema>;
export type SeriesListResponse = z.infer<typeof SeriesListResponseSchema>;
export type SnippetPart = z.infer<typeof SnippetPartSchema>;
export type SimilarIncidentsResponse = z.infer<typeof SimilarIncidentsResponseSchema>;
export type ProblemListResponse = z.infer<typeof ProblemListResponseSchema>;
export type CatalogListResponse = z.infer<typeof CatalogListResponseSchema>;
export type AlertListResponse = z.infer<typeof AlertListResponseSchema>;
