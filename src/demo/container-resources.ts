/**
 * The Kubernetes requests and limits of each demo pod, reported as the OpenTelemetry Collector's
 * k8s_cluster receiver reports them (k8s.container.cpu.request … gauges), plus the container's
 * CPU usage in cores, so right-sizing and capacity forecasts have something real to read. Pure.
 *
 * The numbers copy common habits: memory requested at twice the baseline "to be safe", so most
 * pods are over-provisioned; the memory limit sits where the leak fault's pod is OOM-killed
 * (baseline × 2.8, see fault-effects.ts), so the leak runs into the limit it is killed at; CPU
 * requested by a rough guess per service, some far above what the service uses.
 */
import type { Instance } from './instances.js';
import type { MetricJson } from './otlp-json.js';
import { toUnixNano } from './otlp-json.js';

const MIB = 2 ** 20;
const MEMORY_REQUEST_FACTOR = 2;
const MEMORY_LIMIT_FACTOR = 2.8;

/** Cores requested; a service not listed asks for a quarter core. */
const CPU_REQUEST: Readonly<Record<string, number>> = {
  frontend: 0.5,
  cart: 0.5,
  catalog: 0.25,
  recommendation: 1,
  checkout: 1,
  inventory: 0.5,
  payment: 0.25,
  shipping: 0.25,
  postgres: 2,
};

export interface ContainerResources {
  cpuRequest: number;
  cpuLimit: number;
  memoryRequestBytes: number;
  memoryLimitBytes: number;
}

export function containerResources(instance: Instance): ContainerResources {
  const cpuRequest = CPU_REQUEST[instance.service] ?? 0.25;
  return {
    cpuRequest,
    // A process of the demo runs on one core at most, so a limit of at least one core.
    cpuLimit: Math.max(1, 2 * cpuRequest),
    memoryRequestBytes: Math.round(instance.memoryMb * MEMORY_REQUEST_FACTOR * MIB),
    memoryLimitBytes: Math.round(instance.memoryMb * MEMORY_LIMIT_FACTOR * MIB),
  };
}

export function containerResourceMetrics(instance: Instance, cpuCores: number, timeMs: number): MetricJson[] {
  const resources = containerResources(instance);
  const time = toUnixNano(timeMs);
  const gauge = (name: string, unit: string, description: string, value: number, integer: boolean): MetricJson => ({
    name,
    unit,
    description,
    gauge: { dataPoints: [{ attributes: [], timeUnixNano: time, ...(integer ? { asInt: String(Math.round(value)) } : { asDouble: value }) }] },
  });
  return [
    gauge('container.cpu.usage', '{cpu}', "Container's CPU usage, in cores.", cpuCores, false),
    gauge('k8s.container.cpu.request', '{cpu}', 'CPU requested for the container.', resources.cpuRequest, false),
    gauge('k8s.container.cpu.limit', '{cpu}', 'Maximum CPU the container may use.', resources.cpuLimit, false),
    gauge('k8s.container.memory.request', 'By', 'Memory requested for the container.', resources.memoryRequestBytes, true),
    gauge('k8s.container.memory.limit', 'By', 'Maximum memory the container may use.', resources.memoryLimitBytes, true),
  ];
}
