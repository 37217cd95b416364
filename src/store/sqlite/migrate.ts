import type Database from 'better-sqlite3';
import { SchemaTooNewError } from './errors.js';
import type { Migration } from './migrations.js';

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_ms INTEGER NOT NULL
)`;

/** The highest migration applied to `db`, 0 for a fresh database. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as
    | { version: number | null }
    | undefined;
  return row?.version ?? 0;
}

/** The version the code expects; throws if the list has gaps or is out of order. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new RangeError(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (versions run 1, 2, 3 … in order)`,
      );
    }
  });
  return migrations.length;
}

/**
 * Brings `db` up to the latest migration and returns how many steps ran. Each step runs in its
 * own IMMEDIATE transaction together with its ledger row, so a failed step leaves the database
 * at the previous version, and two processes opening one file never apply a step twice.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], path: string): number {
  const latest = latestVersion(migrations);
  db.exec(CREATE_LEDGER);
  const current = schemaVersion(db);
  if (current > latest) throw new SchemaTooNewError(path, current, latest);

  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)');
  let applied = 0;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const step = db.transaction(() => {
      // Re-read inside the write lock: another process may have applied it meanwhile.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      applied += 1;
    });
    step.immediate();
  }
  return applied;
}
