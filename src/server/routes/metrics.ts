import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Engine } from '../../app/engine.js';
import type { Gauge } from '../self-metrics.js';
import type { RouteOptions } from '../route-options.js';

export const metricsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, backlog }) => {
  app.get(
    '/metrics',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'opsloop self-metrics in the Prometheus text format',
        tags: ['system'],
        response: { 200: z.string().describe('Prometheus text exposition format 0.0.4') },
      },
    },
    async (_request, reply) => {
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render([...storeGauges(engine), ...backlogGauge(backlog), ...logIngestCounters(engine)]));
    },
  );
};

/** Read at scrape time from the store, so they are right after a restart too. */
function storeGauges(engine: Engine): Gauge[] {
  let ready = false;
  try {
    ready = engine.store.ready();
  } catch {
    ready = false;
  }
  const gauges: Gauge[] = [
    { name: 'opsloop_store_ready', help: 'Whether the store answers (1) or not (0).', samples: [{ labels: {}, value: ready ? 1 : 0 }] },
  ];
  if (ready) {
    const statuses = ['triggered', 'acknowledged'] as const;
    gauges.push({
      name: 'opsloop_incidents_open',
      help: 'Incidents not yet resolved, by status.',
      samples: statuses.map((status) => ({ labels: { status }, value: engine.store.incidents.list({ status: [status] }).length })),
    });
  }
  return gauges;
}

function backlogGauge(backlog: (() => number) | undefined): Gauge[] {
  if (!backlog) return [];
  return [{ name: 'opsloop_bus_backlog', help: 'Bus messages accepted but not yet analysed.', samples: [{ labels: {}, value: backlog() }] }];
}

/** What log ingest cut, repaired or could not mine (bad input is counted, never refused). */
function logIngestCounters(engine: Engine): Gauge[] {
  const stats = engine.logStats();
  const counter = (name: string, help: string, value: number): Gauge => ({ name, help, type: 'counter', samples: [{ labels: {}, value }] });
  return [
    {
      name: 'opsloop_log_lines_total',
      help: 'Logs received, by outcome: mined (given a template), empty (blank body), failed (the miner failed; stored without a template).',
      type: 'counter',
      samples: [
        { labels: { outcome: 'mined' }, value: stats.mined },
        { labels: { outcome: 'empty' }, value: stats.empty },
        { labels: { outcome: 'failed' }, value: stats.failed },
      ],
    },
    counter('opsloop_log_bodies_truncated_total', 'Log bodies longer than 65,536 characters, cut before storing.', stats.truncated),
    counter('opsloop_log_bodies_invalid_text_total', 'Log bodies with invalid UTF-8 or unpaired surrogates, stored with U+FFFD.', stats.invalidText),
    counter('opsloop_log_templates_evicted_total', 'Log templates dropped by a miner over its cap, least recently used first.', stats.templatesEvicted),
  ];
}
