/**
 * `opsloop capacity`: the saturation series soonest to run out, asked of a running opsloop
 * (GET /api/v1/capacity/forecasts).
 */
import { Command, Option } from 'commander';
import { describeExhaustion } from '../act/capacity/describe-exhaustion.js';
import { CapacityForecastsResponseSchema, SaturationResourceSchema, type CapacityForecastsResponse } from '../core/capacity-api.js';
import { callOpsloop } from './api-client.js';
import { OutputWriter } from './output-writer.js';
import { addServerOptions, type ServerOptions } from './server-options.js';

const OUTPUT_FORMATS = ['table', 'json'] as const;
/** Each series is a model fit on the server: give a large fleet time. */
const TIMEOUT_MS = 60_000;

interface CapacityOptions extends ServerOptions {
  service?: string;
  resource?: string;
  limit: string;
  output: (typeof OUTPUT_FORMATS)[number];
}

export function capacityCommand(): Command {
  return addServerOptions(new Command('capacity'))
    .description('list saturation series (disk, memory, CPU, pools, queues, quotas) by time to exhaustion, asking a running opsloop')
    .option('--service <name>', 'only this service')
    .addOption(new Option('--resource <kind>', 'only this kind of resource').choices(SaturationResourceSchema.options))
    .option('--limit <count>', 'most series listed', '20')
    .addOption(new Option('--output <format>', 'table for a person, json for a program').choices(OUTPUT_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
One line per series, soonest exhaustion first: when the forecast reaches the limit, the range
from the 95 % prediction interval, and how full it is now (docs/capacity.md). Exit codes: 0
answered, 1 opsloop unreachable or failing, 2 a bad option value.

Examples:
  $ opsloop capacity
  $ opsloop capacity --resource memory --service cart
  $ opsloop capacity --output json | jq -r '.forecasts[] | select(.exhaustion.expectedMs) | .key'
`,
    )
    .action((options: CapacityOptions) => capacity(options));
}

async function capacity(options: CapacityOptions): Promise<void> {
  const query = new URLSearchParams({ limit: options.limit });
  if (options.service !== undefined) query.set('service', options.service);
  if (options.resource !== undefined) query.set('resource', options.resource);
  const answer = await callOpsloop(options, { method: 'GET', path: `/api/v1/capacity/forecasts?${query.toString()}`, schema: CapacityForecastsResponseSchema, timeoutMs: TIMEOUT_MS });
  const writer = new OutputWriter(process.stdout);
  await writer.write(options.output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatCapacity(answer));
  await writer.end(false, 'stdout');
}

/** One line per forecast, in the API's order (soonest first). */
export function formatCapacity(answer: CapacityForecastsResponse): string {
  if (answer.forecasts.length === 0) return 'no saturation series with a known limit and enough history (docs/capacity.md)\n';
  return answer.forecasts.map((forecast) => `${describeExhaustion(forecast, answer.atMs)}\n`).join('');
}
