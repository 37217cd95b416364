import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { SchemaTooNewError, StoreClosedError, openSqliteStore } from '../../../src/store/sqlite/index.js';
import { T0, alert, incident } from '../contract/fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'opsloop-sqlite-'));
after(() => rmSync(root, { recursive: true, force: true }));

function ledger(path: string): Array<{ version: number; name: string }> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{
      version: number;
      name: string;
    }>;
  } finally {
    db.close();
  }
}

describe('openSqliteStore()', () => {
  it('creates missing parent directories and opens the file in WAL mode', () => {
    const path = join(root, 'nested', 'deeper', 'opsloop.db');
    const store = openSqliteStore({ path });
    assert.equal(store.ready(), true);
    store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('keeps data across a reopen and applies each migration exactly once', () => {
    const path = join(root, 'reopen.db');
    const first = openSqliteStore({ path });
    first.alerts.save(alert());
    first.incidents.save(incident());
    first.incidents.appendTimeline({ incidentId: 'inc_1', timeMs: T0, kind: 'note', message: 'hello' });
    first.close();
    const expected = MIGRATIONS.map(({ version, name }) => ({ version, name }));
    assert.deepEqual(ledger(path), expected);

    const second = openSqliteStore({ path });
    assert.equal(second.ready(), true);
    assert.deepEqual(second.alerts.get('alt_1'), alert());
    assert.equal(second.incidents.timeline('inc_1').length, 1);
    second.close();
    assert.deepEqual(ledger(path), expected);
  });

  it('a repeat journalled before a crash is in its alert row after the next open', () => {
    const path = join(root, 'crash.db');
    const crashed = openSqliteStore({ path });
    // Correlated: a journal entry leaves the correlation in the row, and the fold must keep it.
    const correlation = { incidentId: 'inc_1', outcome: 'opened' as const, score: 0, threshold: 0.5, reason: 'first alert', features: { time: 0, topology: 0, labels: 0, text: 0 }, candidates: [] };
    crashed.alerts.save(alert({ lastSeenMs: T0, incidentId: 'inc_1', correlation }));
    const repeat = alert({ lastSeenMs: T0 + 90_000, count: 9, incidentId: 'inc_1', correlation });
    crashed.transaction(() => crashed.alerts.saveRepeat(repeat));
    // Never closed: the process died after the commit. The next process opens the same file.
    const restarted = openSqliteStore({ path });
    assert.deepEqual(restarted.alerts.get('alt_1'), repeat);
    const db = new Database(path, { readonly: true });
    const row = db.prepare('SELECT last_seen_ms, record FROM alerts').get() as { last_seen_ms: number; record: string };
    const journal = db.prepare('SELECT count(*) AS n FROM alert_activity').get() as { n: number };
    db.close();
    assert.equal(row.last_seen_ms, T0 + 90_000);
    assert.deepEqual(JSON.parse(row.record), repeat);
    assert.equal(journal.n, 0);
    restarted.close();
    crashed.close();
  });

  it('refuses a database migrated by a newer opsloop, naming both versions', () => {
    const path = join(root, 'newer.db');
    openSqliteStore({ path }).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)').run(999, 'future', 0);
    db.close();
    assert.throws(
      () => openSqliteStore({ path }),
      (error) =>
        error instanceof SchemaTooNewError &&
        error.databaseVersion === 999 &&
        error.codeVersion === MIGRATIONS.length &&
        error.message.includes(path),
    );
  });

  it('lets two stores on one file see each other\'s writes', () => {
    const path = join(root, 'shared.db');
    const writer = openSqliteStore({ path });
    const reader = openSqliteStore({ path });
    writer.alerts.save(alert());
    assert.deepEqual(reader.alerts.get('alt_1'), alert());
    reader.close();
    writer.close();
  });

  it('rejects a timeline entry for an incident that does not exist', () => {
    const store = openSqliteStore({ path: ':memory:' });
    assert.throws(
      () => store.incidents.appendTimeline({ incidentId: 'nope', timeMs: T0, kind: 'note', message: 'x' }),
      /FOREIGN KEY/,
    );
    store.close();
  });

  it('refuses work once closed, with StoreClosedError on every entry point', () => {
    const store = openSqliteStore({ path: ':memory:' });
    store.close();
    const range = { fromMs: 0, toMs: 1 };
    const calls: Array<[string, () => unknown]> = [
      ['insertMetricPoints', () => store.telemetry.insertMetricPoints([])],
      ['insertSpans', () => store.telemetry.insertSpans([])],
      ['insertLogs', () => store.telemetry.insertLogs([])],
      ['seriesPoints', () => store.telemetry.seriesPoints('x', range)],
      ['listSeries', () => store.telemetry.listSeries()],
      ['spansOfTrace', () => store.telemetry.spansOfTrace('t')],
      ['recentLogs', () => store.telemetry.recentLogs({ range, limit: 1 })],
      ['pruneBefore', () => store.telemetry.pruneBefore(0)],
      ['logs.search', () => store.logs.search({ limit: 1 })],
      ['logs.templates', () => store.logs.templates({ limit: 1 })],
      ['logs.recordTemplates', () => store.logs.recordTemplates([])],
      ['modelState.load', () => store.modelState.load('k', 'x')],
      ['alerts.save', () => store.alerts.save(alert())],
      ['alerts.list', () => store.alerts.list()],
      ['incidents.get', () => store.incidents.get('x')],
      ['incidents.timeline', () => store.incidents.timeline('x')],
      ['changes.list', () => store.changes.list({ range })],
      ['topology.edges', () => store.topology.edges()],
      ['topology.touchServices', () => store.topology.touchServices([])],
      ['transaction', () => store.transaction(() => 1)],
    ];
    for (const [name, call] of calls) {
      assert.throws(call, StoreClosedError, name);
    }
    assert.throws(() => store.alerts.list(), /The SQLite store at :memory: is closed/);
  });
});
