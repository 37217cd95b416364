/**
 * Continuous-improvement reports (docs/reports.md): any period on demand, as JSON or Markdown,
 * and the stored weekly ones.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderReportMarkdown } from '../../act/reports/render-markdown.js';
import { DAY_MS, WEEK_MS, type Period } from '../../act/reports/report-period.js';
import { OpsError } from '../../core/errors.js';
import {
  ImprovementReportSchema,
  ReportIdParamsSchema,
  ReportListQuerySchema,
  ReportListResponseSchema,
  ReportQuerySchema,
  StoredReportSchema,
  type ReportQuery,
} from '../../core/report-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['reports'];
/** Longest period one report covers: a year of alerts and pages is already a big read. */
const MAX_PERIOD_MS = 366 * DAY_MS;
const PERIOD_TEXT =
  'The period is [from, to): `to` defaults to now, `from` to 7 days before `to`, at most 366 days long; the previous period of the same length is the comparison. Trends are `weeks` seven-day buckets ending at `to`.';

export const reportRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  app.get(
    '/api/v1/reports/improvement',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The continuous-improvement report of a period, as JSON',
        description: `Noisiest alerts and sources, alerts never acted on, MTTA/MTTR trends per service and team, recurring problems and clusters of similar incidents, automation, and on-call load per person (docs/reports.md). ${PERIOD_TEXT}`,
        tags: TAGS,
        querystring: ReportQuerySchema,
        response: { 200: ImprovementReportSchema, ...errorResponses(400) },
      },
    },
    async (request) => engine.reports.improvement(periodOf(request.query, now()), request.query.weeks),
  );

  app.get(
    '/api/v1/reports/improvement.md',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The continuous-improvement report of a period, as Markdown',
        description: `The same report as /api/v1/reports/improvement rendered as Markdown (text/markdown), with tables. ${PERIOD_TEXT}`,
        tags: TAGS,
        querystring: ReportQuerySchema,
        response: { 200: z.string().describe('text/markdown'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const report = engine.reports.improvement(periodOf(request.query, now()), request.query.weeks);
      return reply.type('text/markdown; charset=utf-8').send(renderReportMarkdown(report));
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Stored reports (the weekly ones), newest period first',
        description: 'Made at `reports.weekly` (default Monday 08:00 UTC) for the week before; read one with GET /api/v1/reports/{id}.',
        tags: TAGS,
        querystring: ReportListQuerySchema,
        response: { 200: ReportListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => ({ reports: engine.store.reports.list(request.query.limit) }),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One stored report, whole',
        tags: TAGS,
        params: ReportIdParamsSchema,
        response: { 200: StoredReportSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const stored = engine.store.reports.get(request.params.id);
      if (!stored) throw new OpsError('OPS_ERR_NOT_FOUND', [`Report ${request.params.id}`]);
      return stored;
    },
  );
};

/** The period a query asks for, with the defaults filled in; a backwards or too long one is a 400 naming it. */
function periodOf(query: Pick<ReportQuery, 'from' | 'to'>, nowMs: number): Period {
  const toMs = query.to ?? (query.from === undefined ? nowMs : Math.min(nowMs, query.from + WEEK_MS));
  const fromMs = query.from ?? toMs - WEEK_MS;
  if (fromMs >= toMs) {
    throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${new Date(fromMs).toISOString()}) must be before querystring.to (${new Date(toMs).toISOString()})`]);
  }
  if (toMs - fromMs > MAX_PERIOD_MS) {
    throw new OpsError('OPS_ERR_VALIDATION', [`the period from ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()} is longer than 366 days; ask for a shorter one`]);
  }
  return { fromMs, toMs };
}
