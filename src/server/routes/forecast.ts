/**
 * GET /api/v1/series/forecast: the next points of any stored series with prediction intervals.
 * The route only reads history and maps failures; the model lives in src/observe/metrics/forecast.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ForecastQuerySchema, ForecastResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { forecastSeries } from '../../observe/metrics/forecast/forecast.js';
import { InsufficientHistoryError } from '../../observe/metrics/forecast/forecast-errors.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const forecastRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/series/forecast',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Forecast the next points of one series, with prediction intervals',
        description:
          'Forecasts the history in [from, to] with the model that did best on its own past (rolling-origin validation over Holt-Winters on the detected season, damped Holt, simple exponential smoothing, seasonal naive, recent mean or median, Croston for intermittent series; docs/api.md "Forecast").',
        tags: ['telemetry'],
        querystring: ForecastQuerySchema,
        response: { 200: ForecastResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { key, from, to, horizon, confidence } = request.query;
      if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      const history = engine.store.telemetry.seriesPoints(key, { fromMs: from, toMs: to });
      try {
        return { key, ...forecastSeries(history, { horizon, confidence }) };
      } catch (error) {
        if (error instanceof InsufficientHistoryError) {
          throw new OpsError('OPS_ERR_VALIDATION', [`${key} from ${from} to ${to}: ${error.message}`], { cause: error });
        }
        throw error;
      }
    },
  );
};
