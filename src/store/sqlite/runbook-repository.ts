/**
 * Runbooks, their versions, executions with step records, offers and runbook state on SQLite.
 * An execution is one JSON column validated when read, plus the columns its lists filter on;
 * step records are rows appended as each step ends, so a reader sees a running execution's log.
 */
import { z } from 'zod';
import { ExecutionSchema, RunbookOfferSchema, StepRecordSchema, type RunbookOffer, type RunbookVersion, type StepRecordView } from '../../core/runbook-api.js';
import type { ExecutionFilter, RunbookRepository, StoredExecution, StoredRunbook } from '../store.js';
import type { SqliteConnection } from './connection.js';

const RUNBOOK = `SELECT r.id, r.version, r.enabled, r.updated_ms AS updatedMs, r.updated_by AS updatedBy, v.source
  FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.version`;
const UPSERT_RUNBOOK = `INSERT INTO runbooks (id, version, enabled, updated_ms, updated_by) VALUES (@id, @version, 1, @atMs, @by)
  ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by`;
const INSERT_VERSION = 'INSERT INTO runbook_versions (runbook_id, version, source, created_ms, created_by) VALUES (?, ?, ?, ?, ?)';
const LAST_VERSION = 'SELECT MAX(version) AS version FROM runbook_versions WHERE runbook_id = ?';
const VERSIONS = 'SELECT version, created_ms AS createdMs, created_by AS createdBy FROM runbook_versions WHERE runbook_id = ? ORDER BY version DESC';
const SAVE_EXECUTION = `INSERT INTO runbook_executions (id, runbook_id, incident_id, status, dry_run, target, created_ms, execution, inputs)
  VALUES (@id, @runbookId, @incidentId, @status, @dryRun, @target, @createdMs, @execution, @inputs)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, target = excluded.target, execution = excluded.execution, inputs = excluded.inputs`;

const StoredExecutionSchema = ExecutionSchema.omit({ steps: true });
const InputsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

interface RunbookRow {
  id: string;
  version: number;
  enabled: number;
  updatedMs: number;
  updatedBy: string;
  source: string;
}

export class SqliteRunbookRepository implements RunbookRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  saveVersion(id: string, source: string, atMs: number, by: string): StoredRunbook {
    return this.#conn.transaction(() => {
      const last = (this.#conn.statement(LAST_VERSION).get(id) as { version: number | null }).version ?? 0;
      const version = last + 1;
      this.#conn.statement(INSERT_VERSION).run(id, version, source, atMs, by);
      this.#conn.statement(UPSERT_RUNBOOK).run({ id, version, atMs, by });
      return this.get(id) as StoredRunbook;
    });
  }

  get(id: string): StoredRunbook | undefined {
    const row = this.#conn.statement(`${RUNBOOK} WHERE r.id = ?`).get(id) as RunbookRow | undefined;
    return row === undefined ? undefined : runbookOf(row);
  }

  list(): StoredRunbook[] {
    return (this.#conn.statement(`${RUNBOOK} ORDER BY r.id`).all() as RunbookRow[]).map(runbookOf);
  }

  versions(id: string): RunbookVersion[] {
    return this.#conn.statement(VERSIONS).all(id) as RunbookVersion[];
  }

  versionSource(id: string, version: number): string | undefined {
    const row = this.#conn.statement('SELECT source FROM runbook_versions WHERE runbook_id = ? AND version = ?').get(id, version) as { source: string } | undefined;
    return row?.source;
  }

  setEnabled(id: string, enabled: boolean, atMs: number, by: string): StoredRunbook | undefined {
    this.#conn.statement('UPDATE runbooks SET enabled = ?, updated_ms = ?, updated_by = ? WHERE id = ?').run(enabled ? 1 : 0, atMs, by, id);
    return this.get(id);
  }

  delete(id: string): boolean {
    return this.#conn.transaction(() => {
      this.#conn.statement('DELETE FROM runbook_versions WHERE runbook_id = ?').run(id);
      return this.#conn.statement('DELETE FROM runbooks WHERE id = ?').run(id).changes > 0;
    });
  }

  saveExecution({ execution, inputs }: StoredExecution): void {
    this.#conn.statement(SAVE_EXECUTION).run({
      id: execution.id,
      runbookId: execution.runbookId,
      incidentId: execution.incidentId ?? null,
      status: execution.status,
      dryRun: execution.dryRun ? 1 : 0,
      target: execution.target ?? null,
      createdMs: execution.createdMs,
      execution: JSON.stringify(execution),
      inputs: JSON.stringify(inputs),
    });
  }

  appendStep(executionId: string, record: StepRecordView): void {
    this.#conn
      .statement('INSERT INTO runbook_step_records (execution_id, seq, record) VALUES (?, (SELECT COUNT(*) FROM runbook_step_records WHERE execution_id = ?), ?)')
      .run(executionId, executionId, JSON.stringify(record));
  }

  getExecution(id: string): StoredExecution | undefined {
    const row = this.#conn.statement('SELECT execution, inputs FROM runbook_executions WHERE id = ?').get(id) as { execution: string; inputs: string } | undefined;
    if (row === undefined) return undefined;
    return { execution: StoredExecutionSchema.parse(JSON.parse(row.execution)), inputs: InputsSchema.parse(JSON.parse(row.inputs)) };
  }

  steps(executionId: string): StepRecordView[] {
    const rows = this.#conn.statement('SELECT record FROM runbook_step_records WHERE execution_id = ? ORDER BY seq').all(executionId) as Array<{ record: string }>;
    return rows.map((row) => StepRecordSchema.parse(JSON.parse(row.record)));
  }

  executions(filter: ExecutionFilter = {}): Array<StoredExecution['execution']> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.runbookId !== undefined) {
      where.push('runbook_id = ?');
      params.push(filter.runbookId);
    }
    if (filter.incidentId !== undefined) {
      where.push('incident_id = ?');
      params.push(filter.incidentId);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    if (filter.dryRun !== undefined) {
      where.push('dry_run = ?');
      params.push(filter.dryRun ? 1 : 0);
    }
    if (filter.fromMs !== undefined) {
      where.push('created_ms >= ?');
      params.push(filter.fromMs);
    }
    const sql = `SELECT execution FROM runbook_executions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_ms DESC, id DESC LIMIT ?`;
    const rows = this.#conn.statement(sql).all(...params, filter.limit ?? 1000) as Array<{ execution: string }>;
    return rows.map((row) => StoredExecutionSchema.parse(JSON.parse(row.execution)));
  }

  saveOffer(offer: RunbookOffer): boolean {
    const result = this.#conn
      .statement('INSERT INTO runbook_offers (id, runbook_id, incident_id, created_ms, offer) VALUES (?, ?, ?, ?, ?) ON CONFLICT (runbook_id, incident_id) DO NOTHING')
      .run(offer.id, offer.runbookId, offer.incidentId, offer.createdMs, JSON.stringify(offer));
    return result.changes > 0;
  }

  updateOffer(offer: RunbookOffer): void {
    this.#conn.statement('UPDATE runbook_offers SET offer = ? WHERE id = ?').run(JSON.stringify(offer), offer.id);
  }

  offers(incidentId: string): RunbookOffer[] {
    const rows = this.#conn.statement('SELECT offer FROM runbook_offers WHERE incident_id = ? ORDER BY created_ms, id').all(incidentId) as Array<{ offer: string }>;
    return rows.map((row) => RunbookOfferSchema.parse(JSON.parse(row.offer)));
  }

  state(key: string): string | undefined {
    return (this.#conn.statement('SELECT value FROM runbook_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setState(key: string, value: string): void {
    this.#conn.statement('INSERT INTO runbook_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}

function runbookOf(row: RunbookRow): StoredRunbook {
  return { id: row.id, version: row.version, enabled: row.enabled === 1, updatedMs: row.updatedMs, updatedBy: row.updatedBy, source: row.source };
}
