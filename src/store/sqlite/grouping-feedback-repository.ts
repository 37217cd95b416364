import { type GroupingFeedback, GroupingFeedbackSchema } from '../../core/records.js';
import type { GroupingFeedbackRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const ADD = 'INSERT INTO grouping_feedback (time_ms, record) VALUES (?, ?)';
const LIST = 'SELECT record FROM grouping_feedback ORDER BY id';

/** Grouping feedback on SQLite: append-only rows, listed in the order they were added. */
export class SqliteGroupingFeedbackRepository implements GroupingFeedbackRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  add(examples: readonly GroupingFeedback[]): void {
    const add = this.#conn.statement(ADD);
    this.#conn.transaction(() => {
      for (const example of examples) add.run(example.timeMs, JSON.stringify(example));
    });
  }

  list(): GroupingFeedback[] {
    const rows = this.#conn.statement(LIST).all() as Array<{ record: string }>;
    return rows.map((row) => GroupingFeedbackSchema.parse(JSON.parse(row.record)));
  }
}
