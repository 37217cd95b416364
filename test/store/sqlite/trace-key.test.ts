import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from '../../../src/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { traceKeyOf } from '../../../src/store/sqlite/trace-key.js';

const IDS = [
  '4bf92f3577b34da6a3ce929d0e0e4736',
  'ffffffffffffffffffffffffffffffff',
  '00000000000000000000000000000001',
  '0af7651916cd43dd8448eb211c80319c',
  'ABCDEF0123456789abcdef0123456789',
  'trace-1',
  'b',
  '',
  'é√x-12',
];

describe('traceKeyOf()', () => {
  it('reads the first 12 hex characters of an id as a 48-bit number', () => {
    assert.equal(traceKeyOf('4bf92f3577b34da6a3ce929d0e0e4736'), 0x4bf92f3577b3);
    assert.equal(traceKeyOf('ffffffffffffffffffffffffffffffff'), 2 ** 48 - 1);
    assert.equal(traceKeyOf('00000000000000000000000000000001'), 0);
  });

  it('counts other and missing characters as 0, so any text has a key', () => {
    assert.equal(traceKeyOf('b'), 0xb00000000000);
    assert.equal(traceKeyOf('trace-1'), 0x00ace0100000);
    assert.equal(traceKeyOf(''), 0);
  });

  it("gives the keys the 'span trace keys' migration computes for spans stored before it", () => {
    const db = new Database(':memory:');
    const before = MIGRATIONS.findIndex((migration) => migration.name === 'span trace keys');
    migrate(db, MIGRATIONS.slice(0, before), ':memory:');
    const insert = db.prepare(`INSERT INTO spans (trace_id, span_id, service, name, kind, start_ms, duration_ms, status, attributes)
      VALUES (?, 'span', 'cart', 'op', 'server', 1, 1, 'unset', '{}')`);
    for (const id of IDS) insert.run(id);
    migrate(db, MIGRATIONS, ':memory:');
    const rows = db.prepare('SELECT trace_id, trace_key FROM spans ORDER BY id').all() as Array<{ trace_id: string; trace_key: number }>;
    assert.deepEqual(
      rows.map((row) => row.trace_key),
      IDS.map(traceKeyOf),
    );
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' ORDER BY name").all();
    assert.ok(!indexes.some((index) => (index as { name: string }).name === 'spans_trace'), 'the unique (trace_id, span_id) index is gone');
    db.close();
  });
});
