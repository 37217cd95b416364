/**
 * Repeats of firing alerts, journalled. A repeat changes only an alert's activity (count, last
 * seen, deliveries, summary); rewriting its row each time dirtied a random page per alert per
 * batch, and a commit writes every dirtied page to the WAL whole, so 500 repeats of 10,000 open
 * alerts wrote about 8 MB (docs/benchmarks.md, alert throughput). Instead each repeat is
 * appended to `alert_activity` in the same transaction (durable at the same commit, a few
 * sequential pages), and the journal is folded into the alerts' rows in bulk: each alert
 * written once however often it repeated. Fold points: after FOLD_AFTER_ROWS entries, before
 * any read that filters or orders alerts by their columns (last_seen_ms), when the store opens
 * (entries left by a stop) and when it closes. Reads of single alerts see the newest entry
 * without a fold (CURRENT_ALERT_RECORD).
 */
import type { Alert } from '../../core/records.js';
import type { SqliteConnection } from './connection.js';

/**
 * Journal entries that trigger a fold: 16,384 repeats of about 1.2 KB each, some 20 MB of
 * journal; folding every ~30 batches of 500 measured ~3x fewer CPU-seconds per repeat than
 * rewriting rows per batch, folding every 10 batches 2x.
 */
const FOLD_AFTER_ROWS = 16_384;

/**
 * A journal entry is the repeated alert without its correlation, which a repeat never changes
 * and which is about 40% of an alert's JSON: the row's goes back in when it is read or folded.
 * (Entries written with it, by an older opsloop, get the same value set again.)
 */
const withRowCorrelation = (entry: string) => `CASE WHEN alerts.record -> '$.correlation' IS NULL THEN ${entry}
  ELSE json_set(${entry}, '$.correlation', alerts.record -> '$.correlation') END`;

/** The record of an alert row with its newest journalled repeat applied, for SELECTs `FROM alerts`. */
export const CURRENT_ALERT_RECORD = `coalesce((SELECT ${withRowCorrelation('activity.record')} FROM alert_activity activity
  WHERE activity.alert_id = alerts.id ORDER BY activity.seq DESC LIMIT 1), alerts.record)`;

const APPEND = 'INSERT INTO alert_activity (alert_id, record) VALUES (?, ?)';
const SUPERSEDE = 'DELETE FROM alert_activity WHERE alert_id = ?';
const ANY = 'SELECT 1 FROM alert_activity LIMIT 1';
// A repeat never changes the fingerprint, status or incident, so only these two columns move.
const FOLD = `UPDATE alerts SET record = ${withRowCorrelation('latest.record')}, last_seen_ms = json_extract(latest.record, '$.lastSeenMs')
  FROM (SELECT alert_id, record FROM alert_activity
        WHERE seq IN (SELECT max(seq) FROM alert_activity GROUP BY alert_id)) AS latest
  WHERE alerts.id = latest.alert_id`;
const CLEAR = 'DELETE FROM alert_activity';

export class AlertActivity {
  readonly #conn: SqliteConnection;
  #appended = 0;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  /** A repeat: its correlation must be the one its row holds (AlertRepository.saveRepeat). */
  append(alert: Alert): void {
    this.#conn.statement(APPEND).run(alert.id, JSON.stringify(withoutCorrelation(alert)));
    if (++this.#appended >= FOLD_AFTER_ROWS) this.fold();
  }

  /** The alert's row was just written whole: its older journal entries must not shadow it. */
  supersede(alertId: string): void {
    this.#conn.statement(SUPERSEDE).run(alertId);
  }

  /** Writes each journalled alert's newest state into its row and empties the journal. */
  fold(): void {
    this.#appended = 0;
    if (this.#conn.statement(ANY).get() === undefined) return;
    this.#conn.transaction(() => {
      this.#conn.statement(FOLD).run();
      this.#conn.statement(CLEAR).run();
    });
  }
}

function withoutCorrelation({ correlation: _inTheRow, ...activity }: Alert): Omit<Alert, 'correlation'> {
  return activity;
}
