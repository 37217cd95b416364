/**
 * Capacity forecasts of the stored series: picks the saturation series (src/act/capacity),
 * finds each one's limit, reads its history from the store and forecasts it. The analytics are
 * pure; this file only reads the store.
 *
 * History starts after the service's latest deploy or runbook action (a restart, a scale-out)
 * in the window: those start processes afresh, so a leak's growth before one says nothing about
 * the memory after it — and a forecast that too little history is left for is skipped, which
 * resolves its alert, rather than extrapolated from a process that is gone.
 */
import type { CapacityForecast, CapacityForecastsResponse } from '../../core/capacity-api.js';
import { InsufficientHistoryError } from '../../observe/metrics/forecast/forecast-errors.js';
import type { ChangeKind } from '../../core/records.js';
import type { SeriesInfo, Store } from '../../store/store.js';
import { bySoonestExhaustion, forecastCapacity } from '../../act/capacity/capacity-forecast.js';
import { fixedLimit, saturationMetric, type LimitSource, type SaturationResource } from '../../act/capacity/saturation-metrics.js';

export interface CapacityForecastRequest {
  /** Evaluation time; default the newest point of any saturation series. */
  atMs?: number;
  historyMs: number;
  horizonMs: number;
  service?: string;
  resource?: SaturationResource;
  points: boolean;
  limit: number;
  confidence?: number;
}

export function capacityForecasts(store: Store, request: CapacityForecastRequest): CapacityForecastsResponse {
  const all = store.telemetry.listSeries(request.service === undefined ? {} : { service: request.service });
  const candidates = all.flatMap((info) => {
    const metric = saturationMetric(info.name);
    return metric && (request.resource === undefined || metric.resource === request.resource) ? [{ info, metric }] : [];
  });
  const atMs = request.atMs ?? Math.max(Number.NEGATIVE_INFINITY, ...candidates.map(({ info }) => info.lastMs));
  if (!Number.isFinite(atMs)) return { atMs: request.atMs ?? 0, forecasts: [], skipped: [] };
  const range = { fromMs: atMs - request.historyMs, toMs: atMs };
  const byEntity = new Map<string, SeriesInfo[]>();
  for (const info of all) {
    const entity = entityKey(info);
    const list = byEntity.get(entity);
    if (list) list.push(info);
    else byEntity.set(entity, [info]);
  }

  const forecasts: CapacityForecast[] = [];
  const skipped: CapacityForecastsResponse['skipped'] = [];
  for (const { info, metric } of candidates) {
    const limit = limitOf(store, metric.limit, byEntity.get(entityKey(info)) ?? [], range);
    if (limit === undefined) {
      skipped.push({ key: info.key, reason: 'no limit known (no limit series reported for this instance)' });
      continue;
    }
    const sinceMs = lastRestart(store, info.service, range);
    const history = store.telemetry.seriesPoints(info.key, range).filter((point) => point.timeMs > sinceMs);
    if (history.length === 0) {
      skipped.push({ key: info.key, reason: `no data since the service last restarted or was deployed (${new Date(sinceMs).toISOString()})` });
      continue;
    }
    try {
      forecasts.push(
        forecastCapacity(
          { key: info.key, name: info.name, service: info.service, ...(info.instance === undefined ? {} : { instance: info.instance }), resource: metric.resource, limit: limit.value, limitFrom: limit.from, history },
          { horizonMs: request.horizonMs, points: request.points, ...(request.confidence === undefined ? {} : { confidence: request.confidence }) },
        ),
      );
    } catch (error) {
      if (!(error instanceof InsufficientHistoryError)) throw error;
      skipped.push({ key: info.key, reason: error.message });
    }
  }
  return { atMs, forecasts: forecasts.sort(bySoonestExhaustion).slice(0, request.limit), skipped };
}

/** Changes that start a service's processes afresh. */
export const RESTARTING: ReadonlySet<ChangeKind> = new Set(['deploy', 'runbook']);

/** When the service's processes last started afresh within the range, or the range's start. */
function lastRestart(store: Store, service: string, range: { fromMs: number; toMs: number }): number {
  const changes = store.changes.list({ range, service }).filter((change) => RESTARTING.has(change.kind));
  return Math.max(range.fromMs - 1, ...changes.map((change) => change.timeMs));
}

function entityKey(info: SeriesInfo): string {
  return `${info.service}\u0000${info.instance ?? ''}`;
}

function limitOf(store: Store, source: LimitSource, siblings: readonly SeriesInfo[], range: { fromMs: number; toMs: number }): { value: number; from: string } | undefined {
  const fixed = fixedLimit(source);
  if (fixed !== undefined) return { value: fixed, from: source.kind };
  if (source.kind !== 'series') return undefined;
  for (const name of source.names) {
    const info = siblings.find((candidate) => candidate.name === name);
    if (!info) continue;
    const value = store.telemetry.seriesPoints(info.key, range).at(-1)?.value;
    // A limit of 0 means "unlimited" in Kubernetes and in most pool settings.
    if (value !== undefined && value > 0) return { value, from: info.key };
  }
  return undefined;
}
