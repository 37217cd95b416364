import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { improvementReport } from '../../../src/act/reports/improvement-report.js';
import { DAY, FROM, HOUR, MIN, PERIOD, TO, arraySource } from './report-world.js';

const report = improvementReport(arraySource(), { period: PERIOD, weeks: 2, generatedMs: TO + HOUR });

describe('improvementReport()', () => {
  it('compares the period with the one before it', () => {
    assert.equal(report.previousFromMs, FROM - 7 * DAY);
    assert.deepEqual(report.summary.current, { alerts: 8, incidents: 4, neverActedOn: 2, pages: 5, nightPages: 3, mttaMeanMs: 10 * MIN, mttrMeanMs: 60 * MIN });
    assert.deepEqual(report.summary.previous, { alerts: 4, incidents: 1, neverActedOn: 4, pages: 1, nightPages: 0, mttaMeanMs: 10 * MIN, mttrMeanMs: 60 * MIN });
    assert.equal(report.truncated, false);
  });

  it('ranks the noisiest alerts with share, flapping and silenced share', () => {
    assert.deepEqual(report.noisiestAlerts, [
      { source: 'alertmanager', name: 'HighLatency', service: 'checkout', count: 5, previousCount: 1, share: 5 / 8, flapping: 1, silencedShare: 2 / 5 },
      { source: 'grafana', name: 'DiskFull', service: 'db', count: 2, previousCount: 3, share: 2 / 8, flapping: 0, silencedShare: 0 },
      { source: 'detector', name: 'error ratio up', service: 'cart', count: 1, previousCount: 0, share: 1 / 8, flapping: 0, silencedShare: 0 },
    ]);
    assert.deepEqual(
      report.noisiestSources.map((s) => [s.source, s.count, s.previousCount]),
      [
        ['alertmanager', 5, 1],
        ['grafana', 2, 3],
        ['detector', 1, 0],
      ],
    );
  });

  it('counts alerts never acted on: resolved, not silenced, no incident or an untouched one', () => {
    assert.deepEqual(report.neverActedOn, { count: 2, resolved: 5, share: 0.4, alerts: [{ source: 'grafana', name: 'DiskFull', service: 'db', count: 2 }] });
  });

  it('gives MTTA and MTTR per week, per service and per team', () => {
    const { weeks, overall, byService, byTeam } = report.responseTrends;
    assert.deepEqual(weeks, [
      { fromMs: FROM - 7 * DAY, toMs: FROM },
      { fromMs: FROM, toMs: TO },
    ]);
    assert.deepEqual(overall[0], { count: 1, mtta: { count: 1, meanMs: 10 * MIN, p50Ms: 10 * MIN, p90Ms: 10 * MIN }, mttr: { count: 1, meanMs: HOUR, p50Ms: HOUR, p90Ms: HOUR } });
    assert.equal(overall[1]?.count, 4);
    assert.deepEqual(overall[1]?.mtta, { count: 2, meanMs: 10 * MIN, p50Ms: 10 * MIN, p90Ms: 14 * MIN });
    assert.deepEqual(overall[1]?.mttr, { count: 3, meanMs: 60 * MIN, p50Ms: 60 * MIN, p90Ms: 84 * MIN });
    assert.deepEqual(
      byService.map((s) => [s.service, s.weeks.map((w) => w.count)]),
      [
        ['checkout', [1, 2]],
        ['cart', [0, 1]],
        ['db', [0, 1]],
      ],
    );
    assert.deepEqual(
      byTeam.map((t) => [t.team, t.weeks.map((w) => w.count), t.weeks[1]?.mttr?.meanMs]),
      [['payments', [1, 2], 60 * MIN]],
    );
  });

  it('lists problems with incidents in the period and clusters similar unlinked incidents', () => {
    assert.deepEqual(report.recurring.problems, [{ id: 'prb_disk', title: 'db disk fills up', status: 'known_error', incidents: 1, totalIncidents: 2 }]);
    assert.equal(report.recurring.clusters.length, 1);
    const [cluster] = report.recurring.clusters;
    assert.deepEqual(cluster?.incidentIds, ['I4', 'I1']);
    assert.equal(cluster?.title, 'HighLatency on checkout');
    assert.deepEqual(cluster?.services, ['checkout']);
    assert.ok(cluster?.terms.includes('service:checkout'), `terms: ${cluster?.terms.join(', ')}`);
  });

  it('reports automation honestly as nothing recorded', () => {
    assert.deepEqual(report.automation, {
      runbookExecutions: 0,
      incidentsAutomated: 0,
      coverage: 0,
      succeeded: 0,
      failed: 0,
      toilAvoidedHours: 0,
      note: 'no runbook executions recorded',
    });
  });

  it('gives on-call load per person in their schedule time zone', () => {
    assert.deepEqual(report.oncall, [
      { userId: 'ana', name: 'Ana', timeZone: 'Europe/Berlin', pages: 4, nightPages: 2, weekendPages: 2, previousPages: 1 },
      { userId: 'bo', name: 'Bo', timeZone: 'America/New_York', pages: 1, nightPages: 1, weekendPages: 0, previousPages: 0 },
    ]);
  });
});
