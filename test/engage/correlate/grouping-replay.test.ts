import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigSchema } from '../../../src/core/config.js';
import { parseReplayLine, type ReplayLine } from '../../../src/core/replay-record.js';
import { GroupingReplay } from '../../../src/engage/correlate/grouping-replay.js';
import { groupingMetrics } from '../../../src/engage/correlate/grouping-metrics.js';

const SETTINGS = ConfigSchema.parse({}).correlation;
const options = (applyFeedback: boolean) => ({
  windowMs: SETTINGS.windowSeconds * 1000,
  maxDistance: SETTINGS.maxGraphDistance,
  quietMs: SETTINGS.quietSeconds * 1000,
  threshold: SETTINGS.threshold,
  volatileLabels: SETTINGS.volatileLabels,
  rules: SETTINGS.rules,
  applyFeedback,
});

function replay(lines: readonly ReplayLine[], applyFeedback: boolean) {
  const run = new GroupingReplay(options(applyFeedback));
  for (const line of lines) run.push(line);
  return run.result();
}

describe('groupingMetrics', () => {
  it('counts purity and completeness per alert and compression per event', () => {
    const m = groupingMetrics(
      [
        { incidentId: 'i1', label: 'a' },
        { incidentId: 'i1', label: 'a' },
        { incidentId: 'i1', label: 'b' },
        { incidentId: 'i2', label: 'b' },
      ],
      20,
    );
    assert.equal(m.incidents, 2);
    assert.equal(m.compression, 0.9);
    assert.equal(m.alertCompression, 0.5);
    assert.equal(m.purity, 0.75);
    assert.equal(m.completeness, 0.75);
  });
});

describe('GroupingReplay', () => {
  it('scores the small fixture: one incident per true group, the background disk alert apart', () => {
    const lines = readFileSync(new URL('../../fixtures/replay/two-faults.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => parseReplayLine(JSON.parse(line)));
    const result = replay(lines, false);
    assert.deepEqual(
      { events: result.metrics.events, alerts: result.metrics.alerts, incidents: result.metrics.incidents, purity: result.metrics.purity, completeness: result.metrics.completeness },
      { events: 8, alerts: 6, incidents: 3, purity: 1, completeness: 1 },
    );
    assert.equal(result.metrics.compression, 1 - 3 / 8);
    const disk = result.alerts.find((a) => a.name === 'NodeFilesystemAlmostFull');
    assert.match(disk?.correlation?.reason ?? '', /^opened: best candidate inc_1 scored 0\.\d+ < 0\.5$/);
  });

  it('recorded merges teach the model: after the operator merges the first outage, the later ones group by themselves', () => {
    const lines: ReplayLine[] = [];
    const hour = 3_600_000;
    for (let episode = 0; episode < 4; episode++) {
      const t = Date.parse('2026-03-02T10:00:00Z') + episode * hour;
      const label = `outage-${episode}`;
      lines.push({ time: t, name: 'connection pool exhausted', service: 'db', labels: { env: 'prod', metric: 'pool' }, summary: 'pool at 100%', status: 'firing', severity: 'error', source: 'replay', fingerprint: `db-${episode}`, label });
      lines.push({ time: t + 10_000, name: 'checkout timeouts', service: 'api', labels: { env: 'prod', metric: 'timeouts' }, summary: 'requests time out', status: 'firing', severity: 'error', source: 'replay', fingerprint: `api-${episode}`, label });
      if (episode < 1) lines.push({ time: t + 60_000, feedback: 'merge', alerts: [`api-${episode}`, `db-${episode}`], by: 'alice' });
      lines.push({ time: t + 120_000, name: 'connection pool exhausted', service: 'db', labels: { env: 'prod', metric: 'pool' }, summary: '', status: 'resolved', severity: 'error', source: 'replay', fingerprint: `db-${episode}` });
      lines.push({ time: t + 120_000, name: 'checkout timeouts', service: 'api', labels: { env: 'prod', metric: 'timeouts' }, summary: '', status: 'resolved', severity: 'error', source: 'replay', fingerprint: `api-${episode}` });
    }
    const before = replay(lines, false);
    const after = replay(lines, true);
    assert.equal(before.metrics.incidents, 8, 'without feedback no episode groups');
    assert.equal(before.metrics.completeness, 0.5);
    assert.equal(after.feedback.applied, 1);
    assert.equal(after.feedback.examples.length, 1);
    assert.equal(after.feedback.examples[0]?.joined, true);
    assert.equal(after.metrics.incidents, 4, 'the merge, then three episodes grouped by the learned weights');
    assert.equal(after.metrics.completeness, 1);
    assert.equal(after.metrics.purity, 1);
    const later = after.alerts.find((a) => a.fingerprint === 'api-3');
    assert.equal(later?.correlation?.outcome, 'joined');
    assert.ok(after.model.weights.time > before.model.weights.time);
  });

  it('recorded splits teach the model to keep such alerts apart, a bounded step at a time', () => {
    const lines: ReplayLine[] = [];
    const hour = 3_600_000;
    const base = { labels: {}, severity: 'error' as const, source: 'replay' };
    for (let episode = 0; episode < 6; episode++) {
      const t = Date.parse('2026-03-02T10:00:00Z') + episode * hour;
      lines.push({ ...base, time: t, name: 'p95 latency up', service: 'checkout', summary: 'p95 latency 900 ms', status: 'firing', fingerprint: `lat-${episode}`, label: `latency-${episode}` });
      lines.push({ ...base, time: t + 5_000, name: 'disk almost full', service: 'checkout', summary: 'disk 95% full', status: 'firing', fingerprint: `disk-${episode}`, label: `disk-${episode}` });
      if (episode < 3) lines.push({ time: t + 30_000, feedback: 'split', alerts: [`disk-${episode}`], by: 'bob' });
      for (const fingerprint of [`lat-${episode}`, `disk-${episode}`]) lines.push({ ...base, time: t + 120_000, name: '', summary: '', status: 'resolved', fingerprint });
    }
    const before = replay(lines, false);
    const after = replay(lines, true);
    assert.equal(before.metrics.incidents, 6, 'same service, same time: grouped by default');
    // The third split finds the disk alert already alone: two corrections were enough.
    assert.equal(after.feedback.applied, 2);
    assert.ok(after.feedback.examples.every((example) => !example.joined));
    assert.equal(after.metrics.incidents, 12, 'every later episode keeps the disk alert apart');
    assert.equal(after.metrics.purity, 1);
    assert.ok(after.model.weights.bias < before.model.weights.bias);
  });
});
