import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ImprovementReport, StoredReport } from '../../../src/core/report-api.js';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0 } from './fixtures.js';

const WEEK = 7 * 86_400_000;

function emptyReport(fromMs: number, toMs: number): ImprovementReport {
  const summary = { alerts: 0, incidents: 0, neverActedOn: 0, pages: 0, nightPages: 0 };
  return {
    fromMs,
    toMs,
    previousFromMs: fromMs - (toMs - fromMs),
    generatedMs: toMs,
    summary: { current: summary, previous: summary },
    noisiestAlerts: [],
    noisiestSources: [],
    neverActedOn: { count: 0, resolved: 0, share: 0, alerts: [] },
    responseTrends: { weeks: [{ fromMs, toMs }], overall: [{ count: 0 }], byService: [], byTeam: [] },
    recurring: { problems: [], clusters: [] },
    automation: { runbookExecutions: 0, incidentsAutomated: 0, coverage: 0, succeeded: 0, failed: 0, toilAvoidedHours: 0, note: 'no runbook executions recorded' },
    oncall: [],
    truncated: false,
  };
}

function stored(id: string, toMs: number): StoredReport {
  return { id, kind: 'weekly', fromMs: toMs - WEEK, toMs, createdMs: toMs + 1, report: emptyReport(toMs - WEEK, toMs) };
}

/** ReportRepository behaviour every engine must show. */
export function reportsContract(open: OpenStore): void {
  describe('ReportRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('save() and get() keep a report whole; save() replaces by id', () => {
      const report = stored('w1', T0);
      store.reports.save(report);
      assert.deepEqual(store.reports.get('w1'), report);
      store.reports.save({ ...report, createdMs: T0 + 99 });
      assert.equal(store.reports.get('w1')?.createdMs, T0 + 99);
      assert.equal(store.reports.get('nope'), undefined);
    });

    it('list() and latest() order by the period end, newest first, without bodies', () => {
      store.reports.save(stored('w2', T0 + WEEK));
      store.reports.save(stored('w1', T0));
      store.reports.save(stored('w3', T0 + 2 * WEEK));
      assert.deepEqual(store.reports.list(2), [
        { id: 'w3', kind: 'weekly', fromMs: T0 + WEEK, toMs: T0 + 2 * WEEK, createdMs: T0 + 2 * WEEK + 1 },
        { id: 'w2', kind: 'weekly', fromMs: T0, toMs: T0 + WEEK, createdMs: T0 + WEEK + 1 },
      ]);
      assert.equal(store.reports.latest('weekly')?.id, 'w3');
    });
  });
}
