import { z } from 'zod';
import {
  type Delivery,
  DeliverySchema,
  type EscalationState,
  EscalationStateSchema,
  NOTIFY_CONFIG_SCHEMAS,
  type NotifyConfigKind,
  type NotifyConfigRecord,
} from '../../core/notify-api.js';
import { IncidentStatusSchema, SeveritySchema } from '../../core/records.js';
import type { NotifiedIncident, NotifyRepository, TimeRange } from '../store.js';
import type { SqliteConnection } from './connection.js';

const PUT = `INSERT INTO notify_config (kind, id, record) VALUES (?, ?, ?)
  ON CONFLICT (kind, id) DO UPDATE SET record = excluded.record`;
const GET = 'SELECT record FROM notify_config WHERE kind = ? AND id = ?';
const LIST = 'SELECT record FROM notify_config WHERE kind = ? ORDER BY id';
const DELETE = 'DELETE FROM notify_config WHERE kind = ? AND id = ?';
const INSERT_DELIVERY = 'INSERT INTO notify_deliveries (time_ms, incident_id, record) VALUES (?, ?, ?)';
const DELIVERIES = `SELECT id, record FROM notify_deliveries
  WHERE (@incident IS NULL OR incident_id = @incident) AND (@from IS NULL OR time_ms >= @from) AND (@to IS NULL OR time_ms < @to)
  ORDER BY id DESC LIMIT @limit`;
const NOTIFIED = 'SELECT record FROM notify_incidents WHERE incident_id = ?';
const SAVE_NOTIFIED = `INSERT INTO notify_incidents (incident_id, record) VALUES (?, ?)
  ON CONFLICT (incident_id) DO UPDATE SET record = excluded.record`;
const SAVE_ESCALATION = `INSERT INTO escalations (incident_id, policy_id, status, record) VALUES (?, ?, ?, ?)
  ON CONFLICT (incident_id, policy_id) DO UPDATE SET status = excluded.status, record = excluded.record`;
const ESCALATIONS = `SELECT record FROM escalations
  WHERE (@incident IS NULL OR incident_id = @incident) AND (@status IS NULL OR status = @status)
  ORDER BY incident_id, policy_id`;

const NotifiedSchema = z.object({
  status: IncidentStatusSchema,
  severity: SeveritySchema,
  alertCount: z.number().int(),
  lastSentMs: z.record(z.string(), z.number()),
});

/** Notification state on SQLite; every record is validated on the way out, so an old row fails loudly. */
export class SqliteNotifyRepository implements NotifyRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  put<K extends NotifyConfigKind>(kind: K, record: NotifyConfigRecord<K>): void {
    this.#conn.statement(PUT).run(kind, record.id, JSON.stringify(record));
  }

  get<K extends NotifyConfigKind>(kind: K, id: string): NotifyConfigRecord<K> | undefined {
    const row = this.#conn.statement(GET).get(kind, id) as { record: string } | undefined;
    return row === undefined ? undefined : parseConfig(kind, row.record);
  }

  list<K extends NotifyConfigKind>(kind: K): Array<NotifyConfigRecord<K>> {
    const rows = this.#conn.statement(LIST).all(kind) as Array<{ record: string }>;
    return rows.map((row) => parseConfig(kind, row.record));
  }

  delete(kind: NotifyConfigKind, id: string): boolean {
    return this.#conn.statement(DELETE).run(kind, id).changes > 0;
  }

  recordDelivery(delivery: Omit<Delivery, 'id'>): Delivery {
    const result = this.#conn.statement(INSERT_DELIVERY).run(delivery.timeMs, delivery.incidentId ?? null, JSON.stringify(delivery));
    return { ...delivery, id: Number(result.lastInsertRowid) };
  }

  deliveries(filter: { incidentId?: string; range?: TimeRange; limit: number }): Delivery[] {
    const rows = this.#conn.statement(DELIVERIES).all({
      incident: filter.incidentId ?? null,
      from: filter.range?.fromMs ?? null,
      to: filter.range?.toMs ?? null,
      limit: filter.limit,
    }) as Array<{ id: number; record: string }>;
    return rows.map((row) => DeliverySchema.parse({ ...(JSON.parse(row.record) as object), id: row.id }));
  }

  notified(incidentId: string): NotifiedIncident | undefined {
    const row = this.#conn.statement(NOTIFIED).get(incidentId) as { record: string } | undefined;
    return row === undefined ? undefined : NotifiedSchema.parse(JSON.parse(row.record));
  }

  saveNotified(incidentId: string, state: NotifiedIncident): void {
    this.#conn.statement(SAVE_NOTIFIED).run(incidentId, JSON.stringify(state));
  }

  saveEscalation(state: EscalationState): void {
    this.#conn.statement(SAVE_ESCALATION).run(state.incidentId, state.policyId, state.status, JSON.stringify(state));
  }

  escalations(filter: { incidentId?: string; status?: EscalationState['status'] }): EscalationState[] {
    const rows = this.#conn.statement(ESCALATIONS).all({ incident: filter.incidentId ?? null, status: filter.status ?? null }) as Array<{ record: string }>;
    return rows.map((row) => EscalationStateSchema.parse(JSON.parse(row.record)));
  }
}

function parseConfig<K extends NotifyConfigKind>(kind: K, json: string): NotifyConfigRecord<K> {
  // The schema map is keyed by kind, so the parsed record has that kind's type.
  return NOTIFY_CONFIG_SCHEMAS[kind].parse(JSON.parse(json)) as NotifyConfigRecord<K>;
}
