/**
 * Nezha's per-pod metric tables (one CSV row a minute: Time, TimeStamp, PodName, then one
 * column per metric such as `CpuUsageRate(%)`) as OTLP/JSON gauge exports, the way a
 * collector would send them: resource attributes service.name and k8s.pod.name, one gauge per
 * column named after it, its parenthesised unit as the OTLP unit (UCUM where one is evident).
 * Pure: text in, requests out.
 */
import { toUnixNano, type ExportMetricsRequestJson, type MetricJson } from '../../src/demo/otlp-json.js';

export interface MetricTable {
  /** Metric columns as named in the header, e.g. `CpuUsageRate(%)`. */
  columns: string[];
  rows: { timeMs: number; values: number[] }[];
}

/** Columns that say when and who, not what was measured. */
const KEY_COLUMNS = new Set(['Time', 'TimeStamp', 'PodName']);
/**
 * Node-wide measurements repeated in each pod's file: they describe the node (unnamed in the
 * data), not the pod, and sent as the pod's they would blame every pod on a busy node.
 */
const NODE_PREFIX = 'Node';

/**
 * `Time` looks like `2022-08-22 03:51:19.607158889 +0000 UTC m=+0.113112869` (Go's
 * time.Time String()); it is read as UTC. The `TimeStamp` column is not used: it is shifted by
 * 200,000,000 s in one file of the set.
 */
export function parseGoTime(text: string): number {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?/.exec(text);
  if (!match) throw new RangeError(`not a time: ${text.slice(0, 60)}`);
  const fraction = match[3] ? match[3].slice(0, 4) : '';
  return Date.parse(`${match[1]}T${match[2]}${fraction}Z`);
}

export function parseMetricTable(csv: string): MetricTable {
  const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? '').split(',');
  const timeAt = header.indexOf('Time');
  if (timeAt === -1) throw new RangeError(`no Time column in header: ${header.join(',')}`);
  const kept = header.flatMap((name, index) => (KEY_COLUMNS.has(name) || name.startsWith(NODE_PREFIX) ? [] : [index]));
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    return { timeMs: parseGoTime(cells[timeAt] ?? ''), values: kept.map((index) => Number(cells[index] ?? Number.NaN)) };
  });
  return { columns: kept.map((index) => header[index] as string), rows: rows.sort((a, b) => a.timeMs - b.timeMs) };
}

/** The UCUM unit of a column's parenthesised suffix, or what its name makes evident. */
const UNITS: Record<string, string> = { '%': '%', s: 's', ms: 'ms', Mi: 'MiBy', m: '{millicore}', Ops: '{operation}' };

export function metricOfColumn(column: string): { name: string; unit: string } {
  const match = /^(.*?)\((.+)\)$/.exec(column);
  if (match) return { name: match[1] as string, unit: UNITS[match[2] as string] ?? `{${match[2]}}` };
  return { name: column, unit: /Bytes$/.test(column) ? 'By' : '' };
}

/**
 * A deployment's pod is named `<deployment>-<pod-template-hash>-<suffix>`: its service is the
 * deployment. A name without both parts is its own service.
 */
export function serviceOfPod(pod: string): string {
  const match = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(pod);
  return match ? (match[1] as string) : pod;
}

type ResourceMetricsJson = ExportMetricsRequestJson['resourceMetrics'][number];

/** The table's rows with fromMs ≤ time < toMs as one resource's gauges (NaN cells left out). */
export function podResourceMetrics(table: MetricTable, pod: string, fromMs: number, toMs: number): ResourceMetricsJson {
  const rows = table.rows.filter((row) => row.timeMs >= fromMs && row.timeMs < toMs);
  const metrics: MetricJson[] = [];
  table.columns.forEach((column, index) => {
    const dataPoints = rows.flatMap((row) => {
      const value = row.values[index] as number;
      return Number.isFinite(value) ? [{ attributes: [], timeUnixNano: toUnixNano(row.timeMs), asDouble: value }] : [];
    });
    if (dataPoints.length > 0) metrics.push({ ...metricOfColumn(column), description: `Nezha pod metric ${column}`, gauge: { dataPoints } });
  });
  return {
    resource: {
      attributes: [
        { key: 'service.name', value: { stringValue: serviceOfPod(pod) } },
        { key: 'k8s.pod.name', value: { stringValue: pod } },
      ],
    },
    scopeMetrics: [{ scope: { name: 'opsloop-bench-rca-boutique', version: '1' }, metrics }],
  };
}
