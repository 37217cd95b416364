/**
 * What a bench:ingest-spans run left in the store, read through a connection of its own after
 * the engine has settled: rows another connection can see are committed, not merely accepted.
 */
import Database from 'better-sqlite3';
import { DERIVED } from '../../src/observe/traces/derived-series.js';

export interface StoredCounts {
  spans: number;
  /** Points of the RED series derived from the spans. */
  derivedPoints: number;
  edges: number;
}

export function storedCounts(databasePath: string): StoredCounts {
  const db = new Database(databasePath, { readonly: true });
  try {
    const count = (sql: string, ...params: string[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    const names = Object.values(DERIVED);
    return {
      spans: count('SELECT count(*) AS n FROM spans'),
      derivedPoints: count(
        `SELECT count(*) AS n FROM points p JOIN series s ON s.id = p.series_id WHERE s.name IN (${names.map(() => '?').join(', ')})`,
        ...names,
      ),
      edges: count('SELECT count(*) AS n FROM service_edges'),
    };
  } finally {
    db.close();
  }
}
