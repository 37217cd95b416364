import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { LogQueryError } from '../../../src/store/log-query-error.js';
import { snippetParts } from '../../../src/store/sqlite/log-search.js';
import { migrate } from '../../../src/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import { T0, log } from '../contract/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'opsloop-fts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** FTS5's own check that the index holds exactly what the content table holds; throws if not. */
function assertIndexConsistent(path: string): void {
  const db = new Database(path);
  try {
    db.prepare("INSERT INTO logs_fts (logs_fts, rank) VALUES ('integrity-check', 1)").run();
  } finally {
    db.close();
  }
}

describe('SQLite log search (FTS5)', () => {
  it('keeps the full-text index equal to the logs through inserts and chunked retention pruning', () => {
    const path = join(dir, 'prune.db');
    const store = openSqliteStore({ path });
    const logs = Array.from({ length: 12_000 }, (_, i) => log({ timeMs: T0 + i, body: `request ${i} served by node${i % 7}` }));
    store.telemetry.insertLogs(logs);
    // More than one delete chunk (5,000), so the triggers run across several statements.
    assert.equal(store.telemetry.pruneBefore(T0 + 11_000), 11_000);
    assert.equal(store.logs.search({ text: 'request', limit: 5_000 }).logs.length, 1_000);
    assert.deepEqual(store.logs.search({ text: '"request 10"', limit: 5 }).logs, []);
    store.close();
    assertIndexConsistent(path);
  });

  it('indexes logs stored before the search migration', () => {
    const path = join(dir, 'upgrade.db');
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 3), path);
    db.prepare(`INSERT INTO logs (time_ms, service, severity_number, severity_text, body, attributes)
      VALUES (?, 'cart', 9, 'INFO', 'legacy line before upgrade', '{}')`).run(T0);
    db.close();
    const store = openSqliteStore({ path });
    const [hit] = store.logs.search({ text: 'legacy', limit: 5 }).logs;
    assert.equal(hit?.body, 'legacy line before upgrade');
    assert.equal(hit?.templateId, undefined);
    store.close();
    assertIndexConsistent(path);
  });

  it('throws LogQueryError with the query and the reason for FTS5 syntax errors', () => {
    const store = openSqliteStore({ path: ':memory:' });
    store.telemetry.insertLogs([log()]);
    assert.throws(
      () => store.logs.search({ text: '"open', limit: 1 }),
      (error: unknown) => error instanceof LogQueryError && error.query === '"open' && /not a valid full-text query \(.+\)/.test(error.message),
    );
    assert.equal(store.logs.search({ text: 'added', limit: 1 }).logs.length, 1, 'the store keeps working');
    store.close();
  });
});

describe('snippetParts()', () => {
  it('splits marked text into plain and matched parts', () => {
    assert.deepEqual(snippetParts('a \uE000b\uE001 c \uE000d\uE001'), [
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
    assert.deepEqual(snippetParts('no match'), [{ text: 'no match', match: false }]);
    assert.deepEqual(snippetParts('dangling \uE000open'), [{ text: 'dangling \uE000open', match: false }]);
  });
});
