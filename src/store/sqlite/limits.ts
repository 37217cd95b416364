/** SQLite reads a negative LIMIT as "no limit", which lets one statement serve both cases. */
export const NO_LIMIT = -1;
