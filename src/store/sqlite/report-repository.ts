import { z } from 'zod';
import { ImprovementReportSchema, ReportDeliverySchema, type StoredReport, type StoredReportSummary } from '../../core/report-api.js';
import type { ReportRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO improvement_reports (id, kind, from_ms, to_ms, created_ms, report, deliveries)
  VALUES (@id, @kind, @fromMs, @toMs, @createdMs, @report, @deliveries)
  ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, from_ms = excluded.from_ms, to_ms = excluded.to_ms,
    created_ms = excluded.created_ms, report = excluded.report, deliveries = excluded.deliveries`;
const SUMMARY_COLUMNS = 'id, kind, from_ms AS fromMs, to_ms AS toMs, created_ms AS createdMs';
const GET = `SELECT ${SUMMARY_COLUMNS}, report, deliveries FROM improvement_reports WHERE id = ?`;
const DeliveriesSchema = z.array(ReportDeliverySchema);
const LIST = `SELECT ${SUMMARY_COLUMNS} FROM improvement_reports ORDER BY to_ms DESC, id DESC LIMIT ?`;
const LATEST = `SELECT ${SUMMARY_COLUMNS} FROM improvement_reports WHERE kind = ? ORDER BY to_ms DESC, id DESC LIMIT 1`;

type SummaryRow = StoredReportSummary;

/** Improvement reports on SQLite; the report body is one JSON column, validated when read. */
export class SqliteReportRepository implements ReportRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(stored: StoredReport): void {
    const { report, deliveries, ...summary } = stored;
    this.#conn.statement(SAVE).run({ ...summary, report: JSON.stringify(report), deliveries: deliveries === undefined ? null : JSON.stringify(deliveries) });
  }

  get(id: string): StoredReport | undefined {
    const row = this.#conn.statement(GET).get(id) as (SummaryRow & { report: string; deliveries: string | null }) | undefined;
    if (row === undefined) return undefined;
    const { report, deliveries, ...summary } = row;
    return {
      ...summary,
      report: ImprovementReportSchema.parse(JSON.parse(report)),
      ...(deliveries === null ? {} : { deliveries: DeliveriesSchema.parse(JSON.parse(deliveries)) }),
    };
  }

  list(limit: number): StoredReportSummary[] {
    return this.#conn.statement(LIST).all(limit) as SummaryRow[];
  }

  latest(kind: StoredReport['kind']): StoredReportSummary | undefined {
    return this.#conn.statement(LATEST).get(kind) as SummaryRow | undefined;
  }
}
