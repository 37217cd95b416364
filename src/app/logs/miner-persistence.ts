/**
 * Miner snapshots in the store's model state: one row per service, kind 'log-miner', JSON as
 * TemplateMiner.snapshot() returns it (TemplateMiner.restore checks it on the way back).
 */
import type { Store } from '../../store/store.js';
import type { MinerSnapshots } from './service-miners.js';

const MINER_KIND = 'log-miner';

export function minerSnapshotsIn(store: Store, now: () => number): MinerSnapshots {
  return {
    load(service) {
      const text = store.modelState.load(MINER_KIND, service);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    save(entries) {
      const updatedMs = now();
      const rows = entries.map(({ service, snapshot }) => ({ key: service, kind: MINER_KIND, state: JSON.stringify(snapshot), updatedMs }));
      store.transaction(() => store.modelState.saveMany(rows));
    },
  };
}
