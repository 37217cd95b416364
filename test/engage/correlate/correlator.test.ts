import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigSchema, type CorrelationRule } from '../../../src/core/config.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';
import { Correlator } from '../../../src/engage/correlate/correlator.js';
import { GroupingModel } from '../../../src/engage/correlate/grouping-model.js';
import { GroupingRules } from '../../../src/engage/correlate/grouping-rules.js';
import type { CorrelatedAlert } from '../../../src/engage/correlate/incident-profile.js';

const graph = new ServiceGraph([
  { caller: 'frontend', callee: 'checkout' },
  { caller: 'checkout', callee: 'payment' },
]);
const DEFAULTS = ConfigSchema.parse({}).correlation;
const T0 = 1_000_000;

function correlator(rules: CorrelationRule[] = []): Correlator {
  return new Correlator({
    windowMs: 120_000,
    maxDistance: 2,
    volatileLabels: DEFAULTS.volatileLabels,
    rules: new GroupingRules(rules),
    model: new GroupingModel(0.5),
  });
}

let ids = 0;
function alert(overrides: Partial<CorrelatedAlert> & { startsMs: number }): CorrelatedAlert {
  return {
    id: `alr_${++ids}`,
    name: 'error ratio up',
    source: 'detector',
    severity: 'error',
    summary: 'error ratio 42%, 80x its usual 0.5%',
    labels: {},
    status: 'firing',
    lastSeenMs: overrides.startsMs,
    ...overrides,
  };
}

let incidents = 0;
const newId = () => `inc_${++incidents}`;

describe('Correlator', () => {
  it('joins an alert on a neighbouring service soon after, naming the path and the gap', () => {
    const c = correlator();
    const first = c.place(alert({ service: 'payment', startsMs: T0 }), graph, newId);
    assert.equal(first.outcome, 'opened');
    assert.match(first.reason, /^opened: no open incident active within 120 s$/);
    const second = c.place(alert({ service: 'checkout', startsMs: T0 + 10_000 }), graph, newId);
    assert.equal(second.outcome, 'joined');
    assert.equal(second.incidentId, first.incidentId);
    assert.match(second.reason, /^joined: payment→checkout path, 10 s after its last new alert, text similarity 1\.00, score 0\.\d+ ≥ 0\.5$/);
    assert.equal(second.features.topology, 0.5);
    assert.ok(second.features.time > 0.9 && second.features.time < 1);
    const third = c.place(alert({ service: 'frontend', startsMs: T0 + 10_000, name: 'p95 latency up', summary: 'p95 latency 900 ms' }), graph, newId);
    assert.equal(third.incidentId, first.incidentId);
    assert.match(third.reason, /^joined: checkout→frontend path, at once, /);
  });

  it('weighs time: a quiet incident attracts less with every second, and not at all past the window', () => {
    const c = correlator();
    const opener = alert({ service: 'payment', startsMs: T0 });
    const first = c.place(opener, graph, newId);
    c.touch({ ...opener, status: 'resolved', endsMs: T0 + 10_000, lastSeenMs: T0 + 10_000 });
    const near = c.place(alert({ service: 'checkout', startsMs: T0 + 50_000 }), graph, newId);
    assert.equal(near.incidentId, first.incidentId);
    assert.match(near.reason, /50 s after its last new alert/);
    assert.ok(near.features.time > 0.5 && near.features.time < 1);

    const d = correlator();
    const other = alert({ service: 'payment', startsMs: T0 });
    d.place(other, graph, newId);
    d.touch({ ...other, status: 'resolved', endsMs: T0 + 10_000, lastSeenMs: T0 + 10_000 });
    const late = d.place(alert({ service: 'payment', startsMs: T0 + 10_000 + 121_000 }), graph, newId);
    assert.equal(late.outcome, 'opened');
    assert.match(late.reason, /no open incident active within 120 s/);
  });

  it('keeps apart an unrelated alert that merely fires at the same time, naming the best candidate and its score', () => {
    const c = correlator();
    const first = c.place(alert({ service: 'payment', startsMs: T0 }), graph, newId);
    const disk = c.place(alert({ name: 'NodeFilesystemAlmostFull', summary: 'Filesystem /var on node-7 has 4% space left', labels: { cluster: 'eu' }, startsMs: T0 + 5_000 }), graph, newId);
    assert.equal(disk.outcome, 'opened');
    assert.notEqual(disk.incidentId, first.incidentId);
    assert.match(disk.reason, new RegExp(`^opened: best candidate ${first.incidentId} scored 0\\.\\d+ < 0\\.5$`));
    assert.equal(disk.candidates[0]?.incidentId, first.incidentId);
  });

  it('joins on label similarity alone when the alerts share their stable labels (pods ignored)', () => {
    const c = correlator();
    const labels = { cluster: 'eu', job: 'kube-state-metrics', namespace: 'infra' };
    const first = c.place(alert({ name: 'KubeNodeNotReady', summary: 'node unready', labels: { ...labels, pod: 'a' }, startsMs: T0 }), graph, newId);
    const second = c.place(alert({ name: 'BackupFailed', summary: 'snapshot timeout', labels: { ...labels, pod: 'b' }, startsMs: T0 + 5_000 }), graph, newId);
    assert.equal(second.incidentId, first.incidentId);
    assert.equal(second.features.labels, 1);
    assert.equal(second.features.text, 0);
    assert.match(second.reason, /label similarity 1\.00/);
  });

  it('joins on text similarity alone, numbers and ids masked', () => {
    const c = correlator();
    const first = c.place(alert({ name: 'SSLCertExpiringSoon', summary: 'TLS certificate for shop-7f3a expires in 3 days', labels: { a: '1' }, startsMs: T0 }), graph, newId);
    const second = c.place(alert({ name: 'SSLCertExpiringSoon', summary: 'TLS certificate for shop-9c1d expires in 12 days', labels: { b: '2' }, startsMs: T0 + 5_000 }), graph, newId);
    assert.equal(second.incidentId, first.incidentId);
    assert.equal(second.features.labels, 0);
    assert.ok(second.features.text > 0.99, `text ${second.features.text}`);
    assert.match(second.reason, /text similarity 1\.00/);
  });

  it('a CEL join rule forces a join the features alone would not make', () => {
    const rule = { name: 'same team', join: 'alert.labels.team == incident.labels.team' };
    const c = correlator([rule]);
    const first = c.place(alert({ service: 'payment', labels: { team: 'pay', a: '1', b: '2', c: '3' }, startsMs: T0 }), graph, newId);
    const second = c.place(alert({ name: 'queue depth', summary: 'lag', labels: { team: 'pay', x: '9', y: '8', z: '7' }, startsMs: T0 + 5_000 }), graph, newId);
    assert.equal(second.incidentId, first.incidentId);
    assert.equal(second.rule, 'same team');
    assert.match(second.reason, /^joined by rule "same team": /);
    assert.ok(second.score < 0.5);
  });

  it('a CEL separate rule vetoes a join the features would make', () => {
    const rule = { name: 'one cluster per incident', separate: 'alert.labels.cluster != incident.labels.cluster' };
    const c = correlator([rule]);
    const first = c.place(alert({ service: 'payment', labels: { cluster: 'eu' }, startsMs: T0 }), graph, newId);
    const second = c.place(alert({ service: 'payment', labels: { cluster: 'us' }, startsMs: T0 + 5_000 }), graph, newId);
    assert.notEqual(second.incidentId, first.incidentId);
    assert.equal(second.rule, 'one cluster per incident');
    assert.match(second.reason, /kept apart by rule "one cluster per incident"/);
    const third = c.place(alert({ service: 'checkout', labels: { cluster: 'eu' }, startsMs: T0 + 6_000 }), graph, newId);
    assert.equal(third.incidentId, first.incidentId);
  });

  it('groupBy parts differing values and joins agreeing ones; a CEL expression that fails to evaluate does not match', () => {
    const c = correlator([
      { name: 'missing label', join: 'alert.labels.nothere == "x"' },
      { name: 'by cluster', groupBy: ['cluster'] },
    ]);
    const eu = c.place(alert({ service: 'payment', labels: { cluster: 'eu' }, startsMs: T0 }), graph, newId);
    const us = c.place(alert({ service: 'payment', labels: { cluster: 'us' }, startsMs: T0 + 1_000 }), graph, newId);
    assert.notEqual(us.incidentId, eu.incidentId);
    const euAgain = c.place(alert({ name: 'x', summary: 'y', labels: { cluster: 'eu' }, startsMs: T0 + 2_000 }), graph, newId);
    assert.equal(euAgain.incidentId, eu.incidentId);
    assert.equal(euAgain.rule, 'by cluster');
  });
});

describe('correlation config', () => {
  it('rejects a CEL expression that does not parse, naming the rule and the error', () => {
    const parsed = ConfigSchema.safeParse({ correlation: { rules: [{ name: 'bad', join: 'alert.labels.cluster ==' }] } });
    assert.equal(parsed.success, false);
    const issue = parsed.error?.issues[0];
    assert.deepEqual(issue?.path, ['correlation', 'rules', 0, 'join']);
    assert.match(issue?.message ?? '', /is not a valid CEL expression \(Unexpected token: EOF\): alert\.labels\.cluster ==/);
  });

  it('rejects a rule that sets no effect or two', () => {
    for (const rule of [{ name: 'none' }, { name: 'two', join: 'true', separate: 'false' }]) {
      const parsed = ConfigSchema.safeParse({ correlation: { rules: [rule] } });
      assert.equal(parsed.success, false);
      assert.match(parsed.error?.issues[0]?.message ?? '', /must set exactly one of join, separate, groupBy/);
    }
  });
});
