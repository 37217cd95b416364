import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import { storeContract } from '../contract/store-contract.js';

storeContract(() => openSqliteStore({ path: ':memory:' }));
