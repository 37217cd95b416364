import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../store.js';
import { AlertActivity } from './alert-activity.js';
import { SqliteAlertRepository } from './alert-repository.js';
import { SqliteChangeRepository } from './change-repository.js';
import { SqliteConnection } from './connection.js';
import { openDatabase } from './open-database.js';
import { SqliteCatalogRepository } from './catalog-repository.js';
import { SqliteFindingsRepository } from './findings-repository.js';
import { SqliteGroupingFeedbackRepository } from './grouping-feedback-repository.js';
import { SqliteIncidentRepository } from './incident-repository.js';
import { SqliteLogRepository } from './log-repository.js';
import { latestVersion, migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteAccessRepository } from './access-repository.js';
import { SqliteAuditRepository } from './audit-repository.js';
import { SqliteSilenceRepository } from './silence-repository.js';
import { SqliteModelStateRepository } from './model-state-repository.js';
import { SqlitePostmortemRepository } from './postmortem-repository.js';
import { SqliteProblemRepository } from './problem-repository.js';
import { SqliteReportRepository } from './report-repository.js';
import { SqliteRunbookRepository } from './runbook-repository.js';
import { SqliteNotifyRepository } from './notify-repository.js';
import { SqliteTelemetryRepository } from './telemetry-repository.js';
import { SqliteServiceMapRepository } from './service-map-repository.js';
import { SqliteTopologyRepository } from './topology-repository.js';
import { SqliteWindowRepository } from './window-repository.js';
import { SqliteTraceRepository } from './trace-repository.js';
import { SpanWriterThread } from './span-writer-thread.js';

export interface SqliteStoreOptions {
  /** Database file, or ':memory:' for a private in-memory database (tests). */
  path: string;
  /**
   * Store span batches on a worker thread with its own connection (Store.spanWriter), so the
   * main thread keeps decoding and analysing meanwhile. Ignored for ':memory:'. @default false
   */
  spanWriterThread?: boolean;
}

/**
 * Opens (creating if needed) and migrates the SQLite store at `options.path`.
 * Throws SchemaTooNewError if the file was migrated by a newer opsloop.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const { path } = options;
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  const db = openDatabase(path);
  try {
    migrate(db, MIGRATIONS, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const conn = new SqliteConnection(db, path);
  // An in-memory database is private to its connection: a second one would see another database.
  const spanWriter = options.spanWriterThread && !inMemory ? new SpanWriterThread(path) : undefined;
  return new SqliteStore(conn, spanWriter);
}

class SqliteStore implements Store {
  readonly telemetry: SqliteTelemetryRepository;
  readonly serviceMap: SqliteServiceMapRepository;
  readonly windows: SqliteWindowRepository;
  readonly logs: SqliteLogRepository;
  readonly traces: SqliteTraceRepository;
  readonly alerts: SqliteAlertRepository;
  readonly incidents: SqliteIncidentRepository;
  readonly problems: SqliteProblemRepository;
  readonly postmortems: SqlitePostmortemRepository;
  readonly catalog: SqliteCatalogRepository;
  readonly changes: SqliteChangeRepository;
  readonly topology: SqliteTopologyRepository;
  readonly modelState: SqliteModelStateRepository;
  readonly notify: SqliteNotifyRepository;
  readonly silences: SqliteSilenceRepository;
  readonly audit: SqliteAuditRepository;
  readonly groupingFeedback: SqliteGroupingFeedbackRepository;
  readonly access: SqliteAccessRepository;
  readonly reports: SqliteReportRepository;
  readonly findings: SqliteFindingsRepository;
  readonly runbooks: SqliteRunbookRepository;
  readonly spanWriter: SpanWriterThread | undefined;
  readonly #conn: SqliteConnection;
  readonly #alertActivity: AlertActivity;
  readonly #expectedVersion = latestVersion(MIGRATIONS);

  constructor(conn: SqliteConnection, spanWriter: SpanWriterThread | undefined) {
    this.#conn = conn;
    this.spanWriter = spanWriter;
    this.telemetry = new SqliteTelemetryRepository(conn);
    this.serviceMap = new SqliteServiceMapRepository(conn);
    const alertActivity = new AlertActivity(conn);
    // Repeats journalled before a stop reach their rows now.
    alertActivity.fold();
    this.#alertActivity = alertActivity;
    this.windows = new SqliteWindowRepository(conn, alertActivity);
    this.logs = new SqliteLogRepository(conn);
    this.traces = new SqliteTraceRepository(conn);
    this.alerts = new SqliteAlertRepository(conn, alertActivity);
    this.incidents = new SqliteIncidentRepository(conn);
    this.problems = new SqliteProblemRepository(conn);
    this.postmortems = new SqlitePostmortemRepository(conn);
    this.catalog = new SqliteCatalogRepository(conn);
    this.changes = new SqliteChangeRepository(conn);
    this.topology = new SqliteTopologyRepository(conn);
    this.modelState = new SqliteModelStateRepository(conn);
    this.notify = new SqliteNotifyRepository(conn);
    this.silences = new SqliteSilenceRepository(conn);
    this.audit = new SqliteAuditRepository(conn);
    this.groupingFeedback = new SqliteGroupingFeedbackRepository(conn);
    this.access = new SqliteAccessRepository(conn);
    this.reports = new SqliteReportRepository(conn);
    this.findings = new SqliteFindingsRepository(conn);
    this.runbooks = new SqliteRunbookRepository(conn);
  }

  transaction<T>(work: () => T): T {
    return this.#conn.transaction(work);
  }

  ready(): boolean {
    if (!this.#conn.isOpen) return false;
    try {
      return schemaVersion(this.#conn.db) === this.#expectedVersion;
    } catch {
      return false;
    }
  }

  /** Call spanWriter.close() first: closing here stops the thread without waiting for its batches. */
  close(): void {
    this.spanWriter?.terminate();
    // The file left behind holds every repeat in its alert's row.
    if (this.#conn.isOpen) this.#alertActivity.fold();
    this.#conn.close();
  }
}
