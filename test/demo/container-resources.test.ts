import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sizeResource } from '../../src/act/capacity/rightsizing.js';
import { ShopSimulation } from '../../src/demo/simulation.js';

const MIB = 2 ** 20;

describe('demo container resources', () => {
  it('every pod reports CPU usage in cores and its requests and limits, and most are over-provisioned on memory', () => {
    const simulation = new ShopSimulation({ seed: 4, startMs: Date.UTC(2030, 0, 1), warmupMs: 0, stepMs: 15_000 });
    const byPod = new Map<string, Map<string, number[]>>();
    for (let i = 0; i < 40; i++) {
      for (const resource of simulation.step().metrics?.resourceMetrics ?? []) {
        const podValue = resource.resource.attributes.find((a) => a.key === 'k8s.pod.name')?.value;
        const pod = podValue && 'stringValue' in podValue ? podValue.stringValue : '';
        const metrics = byPod.get(pod) ?? new Map<string, number[]>();
        byPod.set(pod, metrics);
        for (const metric of resource.scopeMetrics.flatMap((scope) => scope.metrics)) {
          const point = 'gauge' in metric ? metric.gauge.dataPoints[0] : undefined;
          if (!point) continue;
          const values = metrics.get(metric.name) ?? [];
          values.push(point.asDouble ?? Number(point.asInt));
          metrics.set(metric.name, values);
        }
      }
    }
    assert.equal(byPod.size, 12, '11 service pods and postgres');
    let overProvisioned = 0;
    for (const [pod, metrics] of byPod) {
      for (const name of ['container.cpu.usage', 'k8s.container.cpu.request', 'k8s.container.cpu.limit', 'k8s.container.memory.request', 'k8s.container.memory.limit']) {
        assert.ok(metrics.has(name), `${pod} reports ${name}`);
      }
      const memoryLimit = metrics.get('k8s.container.memory.limit')?.[0] ?? 0;
      assert.ok(Math.max(...(metrics.get('process.memory.usage') ?? [])) < memoryLimit, `${pod} stays under its memory limit when healthy`);
      const sizing = sizeResource(metrics.get('process.memory.usage') ?? [], { request: metrics.get('k8s.container.memory.request')?.[0] ?? 0 }, { headroom: 1.2 });
      if (sizing?.flags.includes('over-provisioned')) overProvisioned++;
      assert.ok((metrics.get('k8s.container.memory.request')?.[0] ?? 0) >= 64 * MIB);
    }
    assert.ok(overProvisioned >= 10, `${overProvisioned} pods over-provisioned on memory`);
  });
});
