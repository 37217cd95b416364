/** One line saying when a forecast runs out, for alert summaries and the CLI. Pure. */
import type { CapacityForecast } from '../../core/capacity-api.js';

export function describeExhaustion(forecast: CapacityForecast, nowMs: number): string {
  const what = `${forecast.resource} of ${forecast.instance ?? forecast.service} (${forecast.name})`;
  const used = `now at ${formatShare(forecast.utilisation)} of its limit ${formatAmount(forecast.limit, forecast.resource)}`;
  const { exhaustedNow, expectedMs, earliestMs, latestMs } = forecast.exhaustion;
  if (exhaustedNow) return `${what} is at its limit; ${used}`;
  if (expectedMs === undefined) return `${what} is not forecast to reach its limit; ${used}`;
  const range = `between ${inDuration(earliestMs ?? expectedMs, nowMs)} and ${latestMs === undefined ? 'beyond the horizon' : inDuration(latestMs, nowMs)}`;
  return `${what} reaches its limit in ${inDuration(expectedMs, nowMs)} (${range}); ${used}`;
}

export function inDuration(timeMs: number, nowMs: number): string {
  const hours = Math.max(0, timeMs - nowMs) / 3_600_000;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${(Math.round(hours * 10) / 10).toString()} h`;
  return `${(Math.round((hours / 24) * 10) / 10).toString()} d`;
}

function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

function formatAmount(value: number, resource: CapacityForecast['resource']): string {
  if (resource === 'memory' && value > 1024) return `${Math.round((value / 2 ** 20) * 10) / 10} MiB`;
  if (resource === 'disk' && value > 1024) return `${Math.round((value / 2 ** 30) * 10) / 10} GiB`;
  return `${Math.round(value * 1000) / 1000}`;
}
