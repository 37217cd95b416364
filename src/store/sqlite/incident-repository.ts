import { type Incident, IncidentSchema, type Severity, SeveritySchema, type TimelineEntry, type TimelineKind } from '../../core/records.js';
import type { IncidentFilter, IncidentRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

// An upsert, never INSERT OR REPLACE: replacing deletes the row, and the delete would cascade
// to the incident's timeline.
const SAVE = `INSERT INTO incidents (id, status, started_ms, ended_ms, record) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, started_ms = excluded.started_ms,
    ended_ms = excluded.ended_ms, record = excluded.record`;
const GET = 'SELECT record FROM incidents WHERE id = ?';
/** A severity's rank in SeveritySchema order, in SQL. */
const rank = (sql: string) => `CASE ${sql} ${SeveritySchema.options.map((name, i) => `WHEN '${name}' THEN ${i}`).join(' ')} END`;
// In SQLite's JSON functions: the record is neither parsed nor validated nor rewritten in JS.
const NOTE_ACTIVITY = `UPDATE incidents SET record = json_set(record,
    '$.updatedMs', max(record ->> '$.updatedMs', @updatedMs),
    '$.severity', CASE WHEN ${rank('@severity')} > ${rank("record ->> '$.severity'")} THEN @severity ELSE record ->> '$.severity' END)
  WHERE id = @id`;
// The status set arrives as one JSON array so a single cached statement serves every subset.
// A NULL bound disables its condition; the row-value comparison continues a page after the cursor.
const LIST = `SELECT record FROM incidents
  WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
    AND (@to IS NULL OR started_ms <= @to)
    AND (@from IS NULL OR ended_ms IS NULL OR ended_ms >= @from)
    AND (@afterStarted IS NULL OR (started_ms, id) < (@afterStarted, @afterId))
  ORDER BY started_ms DESC, id DESC LIMIT @limit`;
const APPEND_TIMELINE = `INSERT INTO incident_timeline (incident_id, time_ms, kind, message, actor)
  VALUES (?, ?, ?, ?, ?)`;
const TIMELINE = `SELECT incident_id, time_ms, kind, message, actor FROM incident_timeline
  WHERE incident_id = ? ORDER BY time_ms, id`;

interface TimelineRow {
  incident_id: string;
  time_ms: number;
  kind: string;
  message: string;
  actor: string | null;
}

/**
 * Incidents on SQLite; list() is newest first by startedMs, timeline() oldest first. Timeline
 * entries reference their incident: appending to an unknown incident fails (foreign key).
 */
export class SqliteIncidentRepository implements IncidentRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(incident: Incident): void {
    this.#conn
      .statement(SAVE)
      .run(incident.id, incident.status, incident.startedMs, incident.resolvedMs ?? null, JSON.stringify(incident));
  }

  noteActivity(id: string, activity: { updatedMs: number; severity: Severity }): void {
    this.#conn.statement(NOTE_ACTIVITY).run({ id, updatedMs: activity.updatedMs, severity: activity.severity });
  }

  addAlerts(id: string, added: { alertIds: readonly string[]; services: readonly string[]; startedMs: number; updatedMs: number; severity: Severity }): void {
    const row = this.#conn.statement(GET).get(id) as { record: string } | undefined;
    if (row === undefined) return;
    // Not validated: nothing here is returned, and only the fields below change. (SQLite's JSON
    // functions measured slower than this on records of thousands of alert ids.)
    const incident = JSON.parse(row.record) as Incident;
    const services = new Set(incident.services);
    for (const service of added.services) services.add(service);
    const rank = (severity: Severity) => SeveritySchema.options.indexOf(severity);
    this.save({
      ...incident,
      services: [...services],
      severity: rank(added.severity) > rank(incident.severity) ? added.severity : incident.severity,
      alertIds: [...incident.alertIds, ...added.alertIds],
      startedMs: Math.min(incident.startedMs, added.startedMs),
      updatedMs: Math.max(incident.updatedMs, added.updatedMs),
    });
  }

  get(id: string): Incident | undefined {
    const row = this.#conn.statement(GET).get(id) as { record: string } | undefined;
    return row === undefined ? undefined : parseIncident(row.record);
  }

  list(filter: IncidentFilter = {}): Incident[] {
    const rows = this.#conn.statement(LIST).all({
      statuses: filter.status === undefined ? null : JSON.stringify(filter.status),
      from: filter.overlapping?.fromMs ?? null,
      to: filter.overlapping?.toMs ?? null,
      afterStarted: filter.after?.startedMs ?? null,
      afterId: filter.after?.id ?? null,
      limit: filter.limit ?? NO_LIMIT,
    }) as Array<{ record: string }>;
    return rows.map((row) => parseIncident(row.record));
  }

  appendTimeline(entry: TimelineEntry): void {
    this.#conn.statement(APPEND_TIMELINE).run(entry.incidentId, entry.timeMs, entry.kind, entry.message, entry.by ?? null);
  }

  timeline(incidentId: string): TimelineEntry[] {
    const rows = this.#conn.statement(TIMELINE).all(incidentId) as TimelineRow[];
    return rows.map((row) => ({
      incidentId: row.incident_id,
      timeMs: row.time_ms,
      kind: row.kind as TimelineKind,
      message: row.message,
      ...(row.actor === null ? {} : { by: row.actor }),
    }));
  }
}

/** Validated on the way out, so a record written by an older schema fails loudly, not later. */
function parseIncident(json: string): Incident {
  return IncidentSchema.parse(JSON.parse(json));
}
