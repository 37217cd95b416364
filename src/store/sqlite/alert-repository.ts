import { type Alert, AlertSchema } from '../../core/records.js';
import type { AlertFilter, AlertRepository } from '../store.js';
import { type AlertActivity, CURRENT_ALERT_RECORD } from './alert-activity.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

// Columns hold what is filtered or sorted on; `record` holds the whole alert.
const SAVE = `INSERT INTO alerts (id, fingerprint, status, incident_id, last_seen_ms, record)
  VALUES (@id, @fingerprint, @status, @incidentId, @lastSeenMs, @record)
  ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
    incident_id = excluded.incident_id, last_seen_ms = excluded.last_seen_ms, record = excluded.record`;
const GET = `SELECT ${CURRENT_ALERT_RECORD} AS record FROM alerts WHERE id = ?`;
// Alerts re-fire under one fingerprint over time; the latest is the one that is live.
// The firing alert first: a new episode can start at the very time the last one ended (its
// onset is back-dated), and with last_seen_ms tied the random id must not pick the old one.
// A journalled repeat moves last_seen_ms on only at its fold, but it is a repeat of the one
// firing alert of its fingerprint, which comes first whatever its last_seen_ms.
const BY_FINGERPRINT = `SELECT ${CURRENT_ALERT_RECORD} AS record FROM alerts WHERE fingerprint = ?
  ORDER BY status = 'firing' DESC, last_seen_ms DESC, id DESC LIMIT 1`;
const LIST = `SELECT record FROM alerts
  WHERE (@status IS NULL OR status = @status) AND (@incidentId IS NULL OR incident_id = @incidentId)
    AND (@silenced IS NULL OR (json_extract(record, '$.silencedBy') IS NOT NULL) = @silenced)
    AND (@flapping IS NULL OR coalesce(json_extract(record, '$.flapping'), 0) = @flapping)
  ORDER BY last_seen_ms DESC, id DESC LIMIT @limit`;

interface RecordRow {
  record: string;
}

/** Alerts on SQLite; list() is newest first by lastSeenMs. */
export class SqliteAlertRepository implements AlertRepository {
  readonly #conn: SqliteConnection;
  readonly #activity: AlertActivity;

  constructor(conn: SqliteConnection, activity: AlertActivity) {
    this.#conn = conn;
    this.#activity = activity;
  }

  save(alert: Alert): void {
    this.#activity.supersede(alert.id);
    this.#conn.statement(SAVE).run({
      id: alert.id,
      fingerprint: alert.fingerprint,
      status: alert.status,
      incidentId: alert.incidentId ?? null,
      lastSeenMs: alert.lastSeenMs,
      record: JSON.stringify(alert),
    });
  }

  saveRepeat(alert: Alert): void {
    this.#activity.append(alert);
  }

  get(id: string): Alert | undefined {
    return this.#one(this.#conn.statement(GET).get(id));
  }

  byFingerprint(fingerprint: string): Alert | undefined {
    return this.#one(this.#conn.statement(BY_FINGERPRINT).get(fingerprint));
  }

  list(filter: AlertFilter = {}): Alert[] {
    // Filters and order read the row's columns and record: journalled repeats go in first.
    this.#activity.fold();
    const rows = this.#conn.statement(LIST).all({
      status: filter.status ?? null,
      incidentId: filter.incidentId ?? null,
      silenced: flag(filter.silenced),
      flapping: flag(filter.flapping),
      limit: filter.limit ?? NO_LIMIT,
    }) as RecordRow[];
    return rows.map((row) => parseAlert(row.record));
  }

  #one(row: unknown): Alert | undefined {
    return row === undefined ? undefined : parseAlert((row as RecordRow).record);
  }
}

/** Validated on the way out, so a record written by an older schema fails loudly, not later. */
function parseAlert(json: string): Alert {
  return AlertSchema.parse(JSON.parse(json));
}

function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : Number(value);
}
