import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LogTemplateUpdate, Store } from '../../../src/store/store.js';
import { type OpenStore, T0, log } from './fixtures.js';

function update(overrides: Partial<LogTemplateUpdate> = {}): LogTemplateUpdate {
  return {
    service: 'cart',
    templateId: 't1',
    template: 'added item <*>',
    firstSeenMs: T0,
    lastSeenMs: T0,
    count: 1,
    maxSeverity: 9,
    changes: [],
    ...overrides,
  };
}

/** LogRepository behaviour every engine must show (full-text syntax aside). */
export function logsContract(open: OpenStore): void {
  describe('LogRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('recordTemplates() adds batches up: counts sum, seen times widen, severity keeps its max, text is the newest', () => {
      store.logs.recordTemplates([update({ firstSeenMs: T0 + 10, lastSeenMs: T0 + 20, count: 2, maxSeverity: 17 })]);
      store.logs.recordTemplates([update({ template: 'added <*> <*>', firstSeenMs: T0, lastSeenMs: T0 + 15, count: 3, maxSeverity: 9 })]);
      assert.deepEqual(store.logs.templates({ limit: 10 }), [
        { service: 'cart', templateId: 't1', template: 'added <*> <*>', firstSeenMs: T0, lastSeenMs: T0 + 20, count: 5, maxSeverity: 17, changes: [] },
      ]);
    });

    it('recordTemplates() appends changes and keeps the last 16; a batch without changes keeps them', () => {
      const change = (i: number) => ({ timeMs: T0 + i, from: `v${i}`, to: `v${i + 1}` });
      store.logs.recordTemplates([update({ changes: Array.from({ length: 10 }, (_, i) => change(i)) })]);
      store.logs.recordTemplates([update({ changes: Array.from({ length: 10 }, (_, i) => change(i + 10)) })]);
      store.logs.recordTemplates([update()]);
      const [row] = store.logs.templates({ limit: 1 });
      assert.deepEqual(row?.changes, Array.from({ length: 16 }, (_, i) => change(i + 4)));
    });

    it('templates() is most frequent first and filters by service, template id and severity', () => {
      store.logs.recordTemplates([
        update({ templateId: 'a', count: 1, maxSeverity: 17 }),
        update({ templateId: 'b', count: 5 }),
        update({ service: 'payments', templateId: 'a', count: 3 }),
      ]);
      const keys = (rows: Array<{ service: string; templateId: string }>) => rows.map((r) => `${r.service}/${r.templateId}`);
      assert.deepEqual(keys(store.logs.templates({ limit: 10 })), ['cart/b', 'payments/a', 'cart/a']);
      assert.deepEqual(keys(store.logs.templates({ limit: 2 })), ['cart/b', 'payments/a']);
      assert.deepEqual(keys(store.logs.templates({ service: 'cart', limit: 10 })), ['cart/b', 'cart/a']);
      assert.deepEqual(keys(store.logs.templates({ templateId: 'a', limit: 10 })), ['payments/a', 'cart/a']);
      assert.deepEqual(keys(store.logs.templates({ minSeverity: 13, limit: 10 })), ['cart/a']);
    });

    it('templateCounts() counts one template of one service per bucket, half-open', () => {
      store.telemetry.insertLogs([
        log({ timeMs: T0, templateId: 'a' }),
        log({ timeMs: T0 + 9, templateId: 'a' }),
        log({ timeMs: T0 + 10, templateId: 'a' }),
        log({ timeMs: T0 + 29, templateId: 'a' }),
        log({ timeMs: T0 + 30, templateId: 'a' }),
        log({ timeMs: T0 + 5, templateId: 'b' }),
        log({ timeMs: T0 + 5, templateId: 'a', service: 'payments' }),
      ]);
      assert.deepEqual(store.logs.templateCounts({ service: 'cart', templateId: 'a' }, { fromMs: T0, bucketMs: 10, buckets: 3 }), [2, 1, 1]);
    });

    it('search() without text filters and pages newest first; a cursor continues exactly after the last log', () => {
      store.telemetry.insertLogs([
        log({ timeMs: T0, body: 'one' }),
        log({ timeMs: T0 + 1, body: 'two', severityNumber: 17 }),
        log({ timeMs: T0 + 1, body: 'three', traceId: 'a'.repeat(32) }),
        log({ timeMs: T0 + 2, body: 'four', service: 'payments' }),
      ]);
      const bodies = (page: { logs: Array<{ body: string }> }) => page.logs.map((l) => l.body);
      const first = store.logs.search({ limit: 2 });
      assert.deepEqual(bodies(first), ['four', 'three']);
      assert.ok(first.next);
      const second = store.logs.search({ limit: 2, after: first.next });
      assert.deepEqual(bodies(second), ['two', 'one']);
      assert.equal(second.next, undefined);
      assert.deepEqual(bodies(store.logs.search({ limit: 9, service: 'cart', minSeverity: 13 })), ['two']);
      assert.deepEqual(bodies(store.logs.search({ limit: 9, traceId: 'a'.repeat(32) })), ['three']);
      assert.deepEqual(bodies(store.logs.search({ limit: 9, fromMs: T0 + 1, toMs: T0 + 1 })), ['three', 'two']);
    });

    it('search() by text finds words in bodies and marks them; pruning drops old logs and templates', () => {
      store.telemetry.insertLogs([log({ timeMs: T0, body: 'disk full on sda' }), log({ timeMs: T0 + 10, body: 'disk ok' })]);
      store.logs.recordTemplates([update({ templateId: 'old', lastSeenMs: T0 }), update({ templateId: 'new', lastSeenMs: T0 + 10 })]);
      const [hit] = store.logs.search({ text: 'full', limit: 5 }).logs;
      assert.equal(hit?.body, 'disk full on sda');
      assert.deepEqual(hit?.snippet?.filter((part) => part.match).map((part) => part.text), ['full']);
      store.telemetry.pruneBefore(T0 + 1);
      assert.deepEqual(store.logs.search({ text: 'disk', limit: 5 }).logs.map((l) => l.body), ['disk ok']);
      assert.deepEqual(store.logs.templates({ limit: 5 }).map((t) => t.templateId), ['new']);
    });
  });
}
