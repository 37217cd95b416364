import { type Problem, ProblemSchema } from '../../core/incident-api.js';
import type { ProblemRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

const SAVE = `INSERT INTO problems (id, status, created_ms, record) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, record = excluded.record`;
// Incident ids come along newest first (by the incident's start), as one JSON array.
const WITH_INCIDENTS = `SELECT p.record, (
    SELECT json_group_array(incident_id) FROM (
      SELECT pi.incident_id FROM problem_incidents pi JOIN incidents i ON i.id = pi.incident_id
      WHERE pi.problem_id = p.id ORDER BY i.started_ms DESC, i.id DESC)
  ) AS incident_ids FROM problems p`;
const GET = `${WITH_INCIDENTS} WHERE p.id = ?`;
const LIST = `${WITH_INCIDENTS}
  WHERE @statuses IS NULL OR p.status IN (SELECT value FROM json_each(@statuses))
  ORDER BY p.created_ms DESC, p.id DESC LIMIT @limit`;
const LINK = `INSERT INTO problem_incidents (incident_id, problem_id, linked_ms) VALUES (?, ?, ?)
  ON CONFLICT (incident_id) DO UPDATE SET problem_id = excluded.problem_id, linked_ms = excluded.linked_ms`;
const UNLINK = 'DELETE FROM problem_incidents WHERE problem_id = ? AND incident_id = ?';
const OF_INCIDENT = 'SELECT problem_id FROM problem_incidents WHERE incident_id = ?';

interface ProblemRow {
  record: string;
  incident_ids: string;
}

/** Problems on SQLite; links live in their own table so an incident's record is never rewritten to link it. */
export class SqliteProblemRepository implements ProblemRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(problem: Problem): void {
    const fields: Partial<Problem> = { ...problem };
    delete fields.incidentIds;
    this.#conn.statement(SAVE).run(problem.id, problem.status, problem.createdMs, JSON.stringify(fields));
  }

  get(id: string): Problem | undefined {
    const row = this.#conn.statement(GET).get(id) as ProblemRow | undefined;
    return row === undefined ? undefined : parseProblem(row);
  }

  list(filter: { status?: Problem['status'][]; limit?: number } = {}): Problem[] {
    const rows = this.#conn.statement(LIST).all({
      statuses: filter.status === undefined ? null : JSON.stringify(filter.status),
      limit: filter.limit ?? NO_LIMIT,
    }) as ProblemRow[];
    return rows.map(parseProblem);
  }

  link(problemId: string, incidentId: string, linkedMs: number): void {
    this.#conn.statement(LINK).run(incidentId, problemId, linkedMs);
  }

  unlink(problemId: string, incidentId: string): boolean {
    return this.#conn.statement(UNLINK).run(problemId, incidentId).changes > 0;
  }

  ofIncident(incidentId: string): Problem | undefined {
    const row = this.#conn.statement(OF_INCIDENT).get(incidentId) as { problem_id: string } | undefined;
    return row === undefined ? undefined : this.get(row.problem_id);
  }
}

function parseProblem(row: ProblemRow): Problem {
  return ProblemSchema.parse({ ...JSON.parse(row.record), incidentIds: JSON.parse(row.incident_ids) });
}
