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
