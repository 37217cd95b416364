/**
 * The metric names right-sizing reads, in order of preference: usage of CPU (cores) and memory
 * (bytes) per instance, and the Kubernetes requests and limits the same instance reports.
 * Semantic-convention names first (k8s.container.cpu.request …), then the Kubernetes cluster
 * receiver's older underscore names. Requests and limits arrive as metrics because that is how
 * the OpenTelemetry Collector's k8s_cluster receiver reports them; resource attributes of a
 * pod's own telemetry do not carry them.
 */

export type SizedResource = 'cpu' | 'memory';

export interface SizingMetricNames {
  usage: readonly string[];
  request: readonly string[];
  limit: readonly string[];
}

export const SIZING_METRICS: Readonly<Record<SizedResource, SizingMetricNames>> = {
  cpu: {
    usage: ['container.cpu.usage', 'k8s.container.cpu.usage', 'k8s.pod.cpu.usage'],
    request: ['k8s.container.cpu.request', 'k8s.container.cpu_request'],
    limit: ['k8s.container.cpu.limit', 'k8s.container.cpu_limit'],
  },
  memory: {
    usage: ['container.memory.usage', 'k8s.container.memory.usage', 'k8s.pod.memory.usage', 'container.memory.working_set', 'process.memory.usage'],
    request: ['k8s.container.memory.request', 'k8s.container.memory_request'],
    limit: ['k8s.container.memory.limit', 'k8s.container.memory_limit'],
  },
};

/** The first of `names` present in `available`, by preference order. */
export function preferred(names: readonly string[], available: ReadonlyMap<string, string>): string | undefined {
  for (const name of names) {
    const key = available.get(name);
    if (key !== undefined) return key;
  }
  return undefined;
}
