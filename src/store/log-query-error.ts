/**
 * A full-text query the store's engine cannot run (FTS5 syntax error, unknown column …). It is
 * the client's mistake, not the store's, so the HTTP edge answers 400 with `message`.
 */
export class LogQueryError extends Error {
  readonly query: string;

  constructor(query: string, reason: string) {
    super(`${JSON.stringify(query)} is not a valid full-text query (${reason})`);
    this.name = 'LogQueryError';
    this.query = query;
  }
}
