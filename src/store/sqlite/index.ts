export { openSqliteStore, type SqliteStoreOptions } from './open-sqlite-store.js';
export { SchemaTooNewError, StoreClosedError } from './errors.js';
