import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { metricOfColumn, parseGoTime, parseMetricTable, podResourceMetrics, serviceOfPod } from '../../bench/rca-boutique/pod-metrics-otlp.js';
import { CumulativeState } from '../../src/ingest/otlp/cumulative-state.js';
import { metricsToPoints } from '../../src/ingest/otlp/metrics-to-points.js';
import { parseOtlpJson } from '../../src/ingest/otlp/otlp-json.js';

const POD = 'cart-7d4f9b6c8d-x2k9p';
const csv = readFileSync(new URL(`../fixtures/rca-boutique/${POD}_metric.csv`, import.meta.url), 'utf8');
const T = Date.parse('2026-03-02T10:00:20.123Z');

describe('Nezha pod metric tables as OTLP', () => {
  it('reads Go time strings as UTC and keeps the pod’s own columns, rows in time order', () => {
    assert.equal(parseGoTime('2026-03-02 10:00:20.123456789 +0000 UTC m=+0.11'), T);
    const table = parseMetricTable(csv);
    assert.deepEqual(table.columns, ['CpuUsageRate(%)', 'MemoryUsage(Mi)', 'PodServerLatencyP90(s)', 'NetworkReceiveBytes', 'PodWorkload(Ops)']);
    assert.deepEqual(table.rows.map((row) => row.timeMs), [T, T + 60_377, T + 120_377]);
    assert.deepEqual(table.rows[0]?.values, [10, 200, 0.01, 900, 4.5]);
  });

  it('names each metric after its column, its unit from the parenthesis, the service after the deployment', () => {
    assert.deepEqual(metricOfColumn('CpuUsageRate(%)'), { name: 'CpuUsageRate', unit: '%' });
    assert.deepEqual(metricOfColumn('MemoryUsage(Mi)'), { name: 'MemoryUsage', unit: 'MiBy' });
    assert.deepEqual(metricOfColumn('PodClientLatencyP99(s)'), { name: 'PodClientLatencyP99', unit: 's' });
    assert.deepEqual(metricOfColumn('NetworkTransmitBytes'), { name: 'NetworkTransmitBytes', unit: 'By' });
    assert.deepEqual(metricOfColumn('SyscallRead'), { name: 'SyscallRead', unit: '' });
    assert.equal(serviceOfPod('productcatalogservice-668d5f85fb-jhwx9'), 'productcatalogservice');
    assert.equal(serviceOfPod('redis'), 'redis');
  });

  it('exports a time slice as gauges opsloop ingests with the pod as instance, leaving NaN cells out', () => {
    const request = { resourceMetrics: [podResourceMetrics(parseMetricTable(csv), POD, T + 60_000, T + 180_000)] };
    const result = metricsToPoints(parseOtlpJson('metrics', new TextEncoder().encode(JSON.stringify(request))), new CumulativeState());
    assert.equal(result.rejected, 0, result.errorMessage);
    const cpu = result.points.filter((p) => p.name === 'CpuUsageRate');
    assert.deepEqual(cpu.map((p) => [p.timeMs, p.value]), [[T + 60_377, 12.5]]);
    const latency = result.points.filter((p) => p.name === 'PodServerLatencyP90');
    assert.deepEqual(latency.map((p) => p.value), [0.012, 0.011]);
    assert.deepEqual({ service: latency[0]?.service, instance: latency[0]?.instance, unit: latency[0]?.unit }, { service: 'cart', instance: POD, unit: 's' });
    assert.equal(result.points.length, 9);
  });
});
