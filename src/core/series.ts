import type { Labels, MetricPoint } from './records.js';

/**
 * The identity of a series: metric name, entity and sorted labels, in a Prometheus-like form
 * that is readable in the UI, e.g. `http.server.duration.p95{service="cart",route="/add"}`.
 */
export function seriesKey(point: Pick<MetricPoint, 'name' | 'service' | 'instance' | 'labels'>): string {
  const parts: string[] = [`service="${point.service}"`];
  if (point.instance) parts.push(`instance="${point.instance}"`);
  for (const name of Object.keys(point.labels).sort()) {
    parts.push(`${name}="${point.labels[name]}"`);
  }
  return `${point.name}{${parts.join(',')}}`;
}

export function sortLabels(labels: Labels): Labels {
  const sorted: Labels = {};
  for (const name of Object.keys(labels).sort()) sorted[name] = labels[name] as string;
  return sorted;
}

export interface ParsedSeriesKey {
  name: string;
  service: string;
  instance?: string;
  labels: Labels;
}

const KEY_PATTERN = /^([^{]+)\{(.*)\}$/;
const LABEL_PATTERN = /([^=,]+)="([^"]*)"(?:,|$)/gy;

/**
 * The inverse of seriesKey. Undefined when the key does not parse: seriesKey does not escape
 * label values, so one holding `"` cannot be read back (callers then treat the series as
 * having no owner).
 */
export function parseSeriesKey(key: string): ParsedSeriesKey | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  const [, name, body] = match as unknown as [string, string, string];
  const labels: Labels = {};
  LABEL_PATTERN.lastIndex = 0;
  let consumed = 0;
  for (let label = LABEL_PATTERN.exec(body); label; label = LABEL_PATTERN.exec(body)) {
    labels[label[1] as string] = label[2] as string;
    consumed = LABEL_PATTERN.lastIndex;
  }
  if (consumed !== body.length || labels.service === undefined) return undefined;
  const { service, instance, ...rest } = labels;
  return { name, service, ...(instance !== undefined ? { instance } : {}), labels: rest };
}
