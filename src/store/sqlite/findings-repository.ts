import {
  FindingHistoryEntrySchema,
  FindingSchema,
  IntelFileStatusSchema,
  PrioritySchema,
  ScanSummarySchema,
  type Factor,
  type Finding,
  type FindingHistoryEntry,
  type IntelFileStatus,
  type IntelStatus,
  type LearnedWeight,
  type Priority,
  type ScanSummary,
} from '../../core/findings-api.js';
import type { FindingFilter, FindingsRepository, StoredFinding } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

const SAVE_SCAN = 'INSERT INTO finding_scans (id, target, imported_ms, record, observations) VALUES (?, ?, ?, ?, ?)';
const SCANS_OF = 'SELECT record FROM finding_scans WHERE target = ? ORDER BY imported_ms DESC, id DESC LIMIT ?';
const OF_TARGET = 'SELECT record, priority FROM findings WHERE target = ? ORDER BY first_seen_ms, id';
const SAVE = `INSERT INTO findings (id, target, status, team, services, score, decision, severity, kev, fixable, first_seen_ms, search, record, priority)
  VALUES (@id, @target, @status, @team, @services, @score, @decision, @severity, @kev, @fixable, @firstSeenMs, @search, @record, @priority)
  ON CONFLICT (id) DO UPDATE SET target = excluded.target, status = excluded.status, team = excluded.team, services = excluded.services,
    score = CASE WHEN @priority IS NULL THEN findings.score ELSE excluded.score END,
    decision = CASE WHEN @priority IS NULL THEN findings.decision ELSE excluded.decision END,
    severity = CASE WHEN @priority IS NULL THEN findings.severity ELSE excluded.severity END,
    kev = CASE WHEN @priority IS NULL THEN findings.kev ELSE excluded.kev END,
    fixable = excluded.fixable, search = excluded.search, record = excluded.record,
    priority = coalesce(excluded.priority, findings.priority)`;
const GET = 'SELECT record, priority FROM findings WHERE id = ?';
const LIST = `SELECT record, priority FROM findings
  WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
    AND (@severities IS NULL OR severity IN (SELECT value FROM json_each(@severities)))
    AND (@decisions IS NULL OR decision IN (SELECT value FROM json_each(@decisions)))
    AND (@service IS NULL OR EXISTS (SELECT 1 FROM json_each(findings.services) WHERE value = @service))
    AND (@team IS NULL OR team = @team)
    AND (@visible IS NULL OR team IS NULL OR team IN (SELECT value FROM json_each(@visible)))
    AND (@kev IS NULL OR kev = @kev)
    AND (@fixable IS NULL OR fixable = @fixable)
    AND (@text IS NULL OR instr(search, @text) > 0)
    AND (@afterScore IS NULL OR score < @afterScore OR (score = @afterScore AND id > @afterId))
  ORDER BY score DESC, id LIMIT @limit`;
const APPEND_HISTORY = 'INSERT INTO finding_history (finding_id, time_ms, from_status, to_status, actor, reason) VALUES (?, ?, ?, ?, ?, ?)';
const HISTORY = 'SELECT time_ms, from_status, to_status, actor, reason, finding_id FROM finding_history WHERE finding_id = ? ORDER BY id';
const ALL_HISTORY = 'SELECT time_ms, from_status, to_status, actor, reason, finding_id FROM finding_history ORDER BY time_ms, id';
const ADD_FEEDBACK = 'INSERT INTO finding_feedback (finding_id, team, factor, verdict, note, actor, time_ms) VALUES (?, ?, ?, ?, ?, ?, ?)';
const WEIGHTS = 'SELECT team, factor, weight, feedback FROM finding_weights ORDER BY team, factor';
const SAVE_WEIGHT = `INSERT INTO finding_weights (team, factor, weight, feedback, updated_ms) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (team, factor) DO UPDATE SET weight = excluded.weight, feedback = excluded.feedback, updated_ms = excluded.updated_ms`;
const SAVE_INTEL = 'INSERT INTO vuln_intel (kind, record) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET record = excluded.record';
const INTEL = 'SELECT kind, record FROM vuln_intel';

interface FindingRow {
  record: string;
  priority: string | null;
}

interface HistoryRow {
  time_ms: number;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string;
  finding_id: string;
}

/** Findings on SQLite: the record as JSON, the fields lists filter and order by in columns. */
export class SqliteFindingsRepository implements FindingsRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  saveScan(scan: ScanSummary, observations: unknown): void {
    this.#conn.statement(SAVE_SCAN).run(scan.id, scan.target.name, scan.importedMs, JSON.stringify(scan), JSON.stringify(observations));
  }

  scansOf(target: string, limit: number): ScanSummary[] {
    const rows = this.#conn.statement(SCANS_OF).all(target, limit) as Array<{ record: string }>;
    return rows.map((row) => ScanSummarySchema.parse(JSON.parse(row.record)));
  }

  ofTarget(target: string): Finding[] {
    const rows = this.#conn.statement(OF_TARGET).all(target) as FindingRow[];
    return rows.map((row) => parseFinding(row).finding);
  }

  save(finding: Finding, priority?: Priority): void {
    this.#conn.statement(SAVE).run({
      id: finding.id,
      target: finding.target.name,
      status: finding.status,
      team: finding.team ?? null,
      services: JSON.stringify(finding.services),
      score: priority?.score ?? 0,
      decision: priority?.ssvc.decision ?? null,
      severity: priority?.severity ?? finding.vendorSeverity,
      kev: priority?.kev ? 1 : 0,
      fixable: finding.fixedVersions.length > 0 ? 1 : 0,
      firstSeenMs: finding.firstSeenMs,
      search: [finding.vulnerabilityId, ...finding.aliases, finding.package.name, finding.package.purl ?? '', finding.target.name].join(' ').toLowerCase(),
      record: JSON.stringify(finding),
      priority: priority === undefined ? null : JSON.stringify(priority),
    });
  }

  get(id: string): StoredFinding | undefined {
    const row = this.#conn.statement(GET).get(id) as FindingRow | undefined;
    return row === undefined ? undefined : parseFinding(row);
  }

  list(filter: FindingFilter = {}): StoredFinding[] {
    const json = (values: readonly string[] | undefined) => (values === undefined ? null : JSON.stringify(values));
    const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
    const rows = this.#conn.statement(LIST).all({
      statuses: json(filter.statuses),
      severities: json(filter.severities),
      decisions: json(filter.decisions),
      service: filter.service ?? null,
      team: filter.team ?? null,
      visible: json(filter.visibleToTeams),
      kev: flag(filter.kev),
      fixable: flag(filter.fixable),
      text: filter.text === undefined || filter.text === '' ? null : filter.text.toLowerCase(),
      afterScore: filter.after?.score ?? null,
      afterId: filter.after?.id ?? null,
      limit: filter.limit ?? NO_LIMIT,
    }) as FindingRow[];
    return rows.map(parseFinding);
  }

  appendHistory(findingId: string, entries: readonly FindingHistoryEntry[]): void {
    const statement = this.#conn.statement(APPEND_HISTORY);
    for (const entry of entries) statement.run(findingId, entry.timeMs, entry.from ?? null, entry.to, entry.by, entry.reason);
  }

  history(findingId: string): FindingHistoryEntry[] {
    return (this.#conn.statement(HISTORY).all(findingId) as HistoryRow[]).map(historyEntry);
  }

  allHistory(): Array<FindingHistoryEntry & { findingId: string }> {
    return (this.#conn.statement(ALL_HISTORY).all() as HistoryRow[]).map((row) => ({ ...historyEntry(row), findingId: row.finding_id }));
  }

  addFeedback(entry: { findingId: string; team: string; factor: Factor; verdict: string; note?: string; by: string; timeMs: number }): void {
    this.#conn.statement(ADD_FEEDBACK).run(entry.findingId, entry.team, entry.factor, entry.verdict, entry.note ?? null, entry.by, entry.timeMs);
  }

  weights(): LearnedWeight[] {
    return this.#conn.statement(WEIGHTS).all() as LearnedWeight[];
  }

  saveWeight(weight: LearnedWeight, updatedMs: number): void {
    this.#conn.statement(SAVE_WEIGHT).run(weight.team, weight.factor, weight.weight, weight.feedback, updatedMs);
  }

  replaceKev(entries: ReadonlyArray<{ cve: string; record: string }>, status: IntelFileStatus): void {
    this.#conn.transaction(() => {
      this.#conn.db.exec('DELETE FROM vuln_kev');
      const insert = this.#conn.statement('INSERT OR REPLACE INTO vuln_kev (cve, record) VALUES (?, ?)');
      for (const entry of entries) insert.run(entry.cve, entry.record);
      this.#conn.statement(SAVE_INTEL).run('kev', JSON.stringify(status));
    });
  }

  kev(cve: string): string | undefined {
    return (this.#conn.statement('SELECT record FROM vuln_kev WHERE cve = ?').get(cve) as { record: string } | undefined)?.record;
  }

  replaceEpss(scores: ReadonlyArray<{ cve: string; probability: number; percentile: number }>, status: IntelFileStatus): void {
    this.#conn.transaction(() => {
      this.#conn.db.exec('DELETE FROM vuln_epss');
      const insert = this.#conn.statement('INSERT OR REPLACE INTO vuln_epss (cve, probability, percentile) VALUES (?, ?, ?)');
      for (const score of scores) insert.run(score.cve, score.probability, score.percentile);
      this.#conn.statement(SAVE_INTEL).run('epss', JSON.stringify(status));
    });
  }

  epss(cve: string): { probability: number; percentile: number } | undefined {
    return this.#conn.statement('SELECT probability, percentile FROM vuln_epss WHERE cve = ?').get(cve) as { probability: number; percentile: number } | undefined;
  }

  intelStatus(): IntelStatus {
    const status: IntelStatus = {};
    for (const row of this.#conn.statement(INTEL).all() as Array<{ kind: string; record: string }>) {
      if (row.kind === 'kev' || row.kind === 'epss') status[row.kind] = IntelFileStatusSchema.parse(JSON.parse(row.record));
    }
    return status;
  }
}

function parseFinding(row: FindingRow): StoredFinding {
  const finding = FindingSchema.parse(JSON.parse(row.record));
  return row.priority === null ? { finding } : { finding, priority: PrioritySchema.parse(JSON.parse(row.priority)) };
}

function historyEntry(row: HistoryRow): FindingHistoryEntry {
  return FindingHistoryEntrySchema.parse({ timeMs: row.time_ms, ...(row.from_status === null ? {} : { from: row.from_status }), to: row.to_status, by: row.actor, reason: row.reason });
}
