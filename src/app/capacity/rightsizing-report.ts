/**
 * Right-sizing of every instance that reports CPU or memory usage: reads usage, requests and
 * limits from the store for a window and hands them to src/act/capacity/rightsizing.ts.
 */
import type { ResourceSizing, RightsizingResponse, RightsizingRow } from '../../core/capacity-api.js';
import type { SeriesInfo, Store, TimeRange } from '../../store/store.js';
import { preferred, SIZING_METRICS, type SizedResource } from '../../act/capacity/rightsizing-metrics.js';
import { sizeResource } from '../../act/capacity/rightsizing.js';

export interface RightsizingRequest {
  range: TimeRange;
  headroom: number;
  service?: string;
}

export function rightsizingReport(store: Store, request: RightsizingRequest): RightsizingResponse {
  const instances = new Map<string, { service: string; instance: string; keys: Map<string, string> }>();
  for (const info of store.telemetry.listSeries(request.service === undefined ? {} : { service: request.service })) {
    if (info.instance === undefined || !isSizingMetric(info)) continue;
    const id = `${info.service}\u0000${info.instance}`;
    let entry = instances.get(id);
    if (!entry) instances.set(id, (entry = { service: info.service, instance: info.instance, keys: new Map() }));
    // One series per name and instance: labelled variants (per container) would need their own row.
    if (!entry.keys.has(info.name)) entry.keys.set(info.name, info.key);
  }
  const rows: RightsizingRow[] = [];
  const totals = { cpuSavingsCores: 0, memorySavingsBytes: 0, cpuRequestedCores: 0, memoryRequestedBytes: 0 };
  for (const { service, instance, keys } of instances.values()) {
    const cpu = sizing(store, 'cpu', keys, request);
    const memory = sizing(store, 'memory', keys, request);
    if (!cpu && !memory) continue;
    rows.push({ service, instance, ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
    totals.cpuSavingsCores += Math.max(0, cpu?.savings ?? 0);
    totals.memorySavingsBytes += Math.max(0, memory?.savings ?? 0);
    totals.cpuRequestedCores += cpu?.request ?? 0;
    totals.memoryRequestedBytes += memory?.request ?? 0;
  }
  rows.sort((a, b) => a.service.localeCompare(b.service) || a.instance.localeCompare(b.instance));
  return { fromMs: request.range.fromMs, toMs: request.range.toMs, headroom: request.headroom, rows, totals };
}

const SIZING_NAMES = new Set(Object.values(SIZING_METRICS).flatMap((names) => [...names.usage, ...names.request, ...names.limit]));

function isSizingMetric(info: SeriesInfo): boolean {
  return SIZING_NAMES.has(info.name);
}

function sizing(store: Store, resource: SizedResource, keys: ReadonlyMap<string, string>, request: RightsizingRequest): ResourceSizing | undefined {
  const names = SIZING_METRICS[resource];
  const usageKey = preferred(names.usage, keys);
  if (usageKey === undefined) return undefined;
  const usage = store.telemetry.seriesPoints(usageKey, request.range).map((point) => point.value);
  const latest = (candidates: readonly string[]): number | undefined => {
    const key = preferred(candidates, keys);
    const value = key === undefined ? undefined : store.telemetry.seriesPoints(key, request.range).at(-1)?.value;
    // Kubernetes reports 0 for "not set".
    return value !== undefined && value > 0 ? value : undefined;
  };
  const requested = latest(names.request);
  const limit = latest(names.limit);
  return sizeResource(usage, { ...(requested === undefined ? {} : { request: requested }), ...(limit === undefined ? {} : { limit }) }, { headroom: request.headroom });
}
