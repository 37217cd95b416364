import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { latestVersion, migrate, schemaVersion } from '../../../src/store/sqlite/migrate.js';
import { MIGRATIONS, type Migration } from '../../../src/store/sqlite/migrations.js';

const steps: Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER PRIMARY KEY)' },
  { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER PRIMARY KEY)' },
];

describe('migrate()', () => {
  it('applies pending steps in order, then nothing on a second run', () => {
    const db = new Database(':memory:');
    assert.equal(migrate(db, steps.slice(0, 1), ':memory:'), 1);
    assert.equal(migrate(db, steps, ':memory:'), 1);
    assert.equal(migrate(db, steps, ':memory:'), 0);
    assert.equal(schemaVersion(db), 2);
    db.close();
  });

  it('leaves the database at the previous version when a step fails', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: 3,
      name: 'broken',
      sql: 'CREATE TABLE three (id INTEGER); CREATE TABLE one (id INTEGER)',
    };
    assert.throws(() => migrate(db, [...steps, broken], ':memory:'), /already exists/);
    assert.equal(schemaVersion(db), 2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'three'").all();
    assert.deepEqual(tables, [], 'the failed step is rolled back as a whole');
    db.close();
  });

  it('applies the real migrations to a fresh database', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    assert.equal(migrate(db, MIGRATIONS, ':memory:'), MIGRATIONS.length);
    assert.equal(schemaVersion(db), MIGRATIONS.length);
    db.close();
  });
});

describe('latestVersion()', () => {
  it('accepts versions 1..n in order', () => {
    assert.equal(latestVersion(MIGRATIONS), MIGRATIONS.length);
    assert.equal(latestVersion([]), 0);
  });

  it('rejects a gap or a step out of order, naming the step', () => {
    const gap = [steps[0] as Migration, { ...(steps[1] as Migration), version: 3 }];
    assert.throws(() => latestVersion(gap), /"two" has version 3; expected 2/);
    assert.throws(() => latestVersion([...steps].reverse()), RangeError);
  });
});
