import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankSymptoms } from '../../../src/act/rca/rank-causes.js';
import { symptomOfAlert } from '../../../src/act/rca/symptom.js';
import type { Alert, Change } from '../../../src/core/records.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';

const graph = new ServiceGraph([
  { caller: 'frontend', callee: 'checkout' },
  { caller: 'frontend', callee: 'cart' },
  { caller: 'checkout', callee: 'payment' },
  { caller: 'checkout', callee: 'inventory' },
]);
const T = 1_700_000_000_000;
/** An incident's ranking: its alerts are its symptoms. */
const rankCauses = (input: { alerts: readonly Alert[]; graph: ServiceGraph; changes: readonly Change[] }) =>
  rankSymptoms({ symptoms: input.alerts.map(symptomOfAlert), graph: input.graph, changes: input.changes });
let n = 0;
function anomaly(service: string, metric: string, score: number, startsMs: number, labels: Record<string, string> = {}): Alert {
  n += 1;
  return {
    id: `a${n}`,
    fingerprint: `f${n}`,
    source: 'detector',
    name: `${metric} up`,
    service,
    status: 'firing',
    severity: 'warning',
    summary: `${metric} z ${score}`,
    labels,
    startsMs,
    lastSeenMs: startsMs,
    count: 1,
    evidence: { series: `${metric}{service="${service}"}`, metric, value: 1, expected: 0, score, direction: 'up' },
  };
}

describe('rankCauses', () => {
  it('ranks the callee whose anomaly explains its callers first', () => {
    const causes = rankCauses({
      graph,
      changes: [],
      alerts: [
        anomaly('frontend', 'opsloop.service.latency_p95', 25, T + 10_000),
        anomaly('frontend', 'opsloop.edge.latency_p95', 25, T + 10_000, { peer: 'checkout' }),
        anomaly('checkout', 'opsloop.service.latency_p95', 30, T),
        anomaly('checkout', 'opsloop.edge.latency_p95', 28, T, { peer: 'payment' }),
        anomaly('payment', 'opsloop.service.latency_p95', 28, T),
      ],
    });
    assert.deepEqual(causes.map((c) => c.service), ['payment', 'checkout', 'frontend']);
    assert.match(causes[1]!.evidence, /symptom: its callee payment/);
    assert.ok(causes.every((c) => c.score >= 0 && c.score <= 1));
  });

  it('lets a callee in trouble explain a caller less when the caller\'s calls to it look fine', () => {
    // checkout's own time grew; payment logged new errors, but checkout's calls to it did not change.
    const alerts = [
      anomaly('checkout', 'opsloop.service.latency_p95', 30, T + 20_000),
      anomaly('payment', 'opsloop.service.error_ratio', 8, T),
    ];
    assert.deepEqual(rankCauses({ graph, changes: [], alerts }).map((c) => c.service), ['checkout', 'payment']);
    const felt = [...alerts, anomaly('checkout', 'opsloop.edge.error_ratio', 8, T + 20_000, { peer: 'payment' })];
    assert.deepEqual(rankCauses({ graph, changes: [], alerts: felt }).map((c) => c.service), ['payment', 'checkout']);
  });

  it('dates a service from its strong symptoms, so a faint earlier drift does not make a victim first', () => {
    const alerts = [
      anomaly('checkout', 'process.memory.usage', 3, T - 5 * 60_000), // 3 % more memory, long before
      anomaly('checkout', 'opsloop.service.latency_p95', 30, T + 10_000),
      anomaly('checkout', 'opsloop.edge.latency_p95', 28, T + 10_000, { peer: 'payment' }),
      anomaly('payment', 'opsloop.service.latency_p95', 28, T),
    ];
    const causes = rankCauses({ graph, changes: [], alerts });
    assert.deepEqual(causes.map((c) => c.service), ['payment', 'checkout']);
    assert.match(causes[1]!.evidence, /symptom: its callee payment/);
  });

  it('blames a crashed callee that only its callers can see', () => {
    const causes = rankCauses({
      graph,
      changes: [],
      alerts: [
        anomaly('checkout', 'opsloop.service.error_ratio', 40, T),
        anomaly('checkout', 'opsloop.edge.error_ratio', 60, T, { peer: 'payment' }),
        anomaly('frontend', 'opsloop.service.error_ratio', 35, T),
      ],
    });
    assert.equal(causes[0]?.service, 'payment');
    assert.equal(causes[0]?.indicator, 'calls to it fail');
    assert.match(causes[0]!.evidence, /checkout → payment/);
  });

  it('keeps CPU saturation with its own service even when a callee also looks slow', () => {
    const causes = rankCauses({
      graph,
      changes: [],
      alerts: [
        anomaly('checkout', 'process.cpu.utilization', 40, T),
        anomaly('payment', 'opsloop.service.latency_p95', 8, T + 30_000),
      ],
    });
    assert.equal(causes[0]?.service, 'checkout');
  });

  it('adds a recent deploy as evidence and lifts its service', () => {
    const deploy: Change = { id: 'c1', service: 'inventory', kind: 'deploy', timeMs: T - 20_000, description: 'v2', version: 'v2.0.1', source: 'ci' };
    const alerts = [
      anomaly('inventory', 'opsloop.service.error_ratio', 20, T),
      anomaly('payment', 'opsloop.service.error_ratio', 22, T),
    ];
    const without = rankCauses({ graph, changes: [], alerts });
    assert.equal(without[0]?.service, 'payment');
    const withDeploy = rankCauses({ graph, changes: [deploy], alerts });
    assert.equal(withDeploy[0]?.service, 'inventory');
    assert.match(withDeploy[0]!.evidence, /deploy v2\.0\.1 at .*20 s before the first anomaly/);
  });

  it('returns nothing without alerts', () => {
    assert.deepEqual(rankCauses({ graph, changes: [], alerts: [] }), []);
  });
});

describe('rankCauses on external alerts', () => {
  it('ranks an alert without detector evidence by severity and names it when it has no summary', () => {
    const external: Alert = {
      id: 'x1',
      fingerprint: 'fx',
      source: 'events',
      name: 'disk full',
      service: 'postgres',
      status: 'firing',
      severity: 'critical',
      summary: '',
      labels: {},
      startsMs: T,
      lastSeenMs: T,
      count: 1,
    };
    const [cause] = rankCauses({ graph, changes: [], alerts: [external] });
    assert.equal(cause?.service, 'postgres');
    assert.equal(cause?.indicator, 'disk full');
    assert.match(cause!.evidence, /^disk full since \d\d:\d\d:\d\dZ/);
  });
});
