/**
 * Which series measure the use of something that runs out, and what their limit is. Pure.
 *
 * A registry, not a switch: each entry names a resource, the metric names it recognises
 * (OpenTelemetry semantic conventions first, then common collector and exporter names), and how
 * the limit is known — a ratio (limit 1), a percentage (limit 100), or another series of the same
 * entity (a Kubernetes limit, a pool's maximum, a quota's limit). A usage series with no limit
 * anywhere is not a saturation series: without a limit there is nothing to exhaust.
 */

import type { SaturationResource } from '../../core/capacity-api.js';

export type { SaturationResource };

export type LimitSource =
  | { kind: 'ratio' }
  | { kind: 'percent' }
  /** The newest value of the first of these series that the same service and instance report. */
  | { kind: 'series'; names: readonly string[] };

export interface SaturationMetric {
  resource: SaturationResource;
  limit: LimitSource;
}

interface Rule {
  resource: SaturationResource;
  name: RegExp;
  limit: (name: string) => LimitSource;
}

const RATIO = (): LimitSource => ({ kind: 'ratio' });
const PERCENT = (): LimitSource => ({ kind: 'percent' });
const named = (...names: string[]) => (): LimitSource => ({ kind: 'series', names });
/** `x.usage` / `x.used` / `x.count` → `x.limit`, `x.max`, `x.capacity`: the convention of pools, queues and quotas. */
const sibling = (name: string): LimitSource => {
  const stem = name.replace(/[._](usage|used|count|depth|size|length|current)$/, '');
  return { kind: 'series', names: ['limit', 'max', 'capacity'].flatMap((suffix) => [`${stem}.${suffix}`, `${stem}_${suffix}`]) };
};

const RULES: readonly Rule[] = [
  { resource: 'disk', name: /^(system|container|k8s\.(pod|node))\.filesystem\.utilization$|^disk\.(utilization|used\.ratio)$/, limit: RATIO },
  { resource: 'disk', name: /^k8s\.(pod|node)\.filesystem\.usage$/, limit: (name) => ({ kind: 'series', names: [name.replace(/usage$/, 'capacity')] }) },
  { resource: 'disk', name: /(filesystem|disk).*(percent|pct)$/, limit: PERCENT },
  { resource: 'memory', name: /^(system|process|container|k8s\.(pod|container|node))\.memory\.utilization$/, limit: RATIO },
  { resource: 'memory', name: /memory.*(percent|pct)$/, limit: PERCENT },
  {
    resource: 'memory',
    name: /^(process|container|k8s\.(pod|container))\.memory\.(usage|working_set)$/,
    limit: named('k8s.container.memory.limit', 'k8s.container.memory_limit', 'k8s.pod.memory.limit'),
  },
  { resource: 'cpu', name: /^(system|process|container|k8s\.(pod|container|node))\.cpu\.utilization$/, limit: RATIO },
  { resource: 'cpu', name: /cpu.*(percent|pct)$/, limit: PERCENT },
  {
    resource: 'cpu',
    name: /^(container|k8s\.(pod|container))\.cpu\.usage$/,
    limit: named('k8s.container.cpu.limit', 'k8s.container.cpu_limit', 'k8s.pod.cpu.limit'),
  },
  { resource: 'connections', name: /^postgresql\.backends$/, limit: named('postgresql.connection.max') },
  { resource: 'connections', name: /^db\.client\.connections?\.(usage|count)$/, limit: (name) => ({ kind: 'series', names: [name.replace(/(usage|count)$/, 'max')] }) },
  { resource: 'connections', name: /connection[s_.]?pool.*(usage|used|count|active)$/, limit: sibling },
  { resource: 'queue', name: /queue.*(depth|size|length)$|(depth|size|length).*queue/, limit: sibling },
  { resource: 'quota', name: /quota.*(usage|used)$/, limit: sibling },
];

/** The saturation reading of a metric name, or undefined when it is not one. */
export function saturationMetric(name: string): SaturationMetric | undefined {
  const rule = RULES.find((candidate) => candidate.name.test(name));
  return rule ? { resource: rule.resource, limit: rule.limit(name) } : undefined;
}

/** The limit a ratio or percentage runs into; undefined when the limit comes from another series. */
export function fixedLimit(limit: LimitSource): number | undefined {
  return limit.kind === 'ratio' ? 1 : limit.kind === 'percent' ? 100 : undefined;
}
