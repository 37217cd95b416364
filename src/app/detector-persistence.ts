/**
 * Keeps what the detectors learned across restarts: rows of `{ name, state }` JSON in the
 * store's model state, one per series. Unreadable rows are skipped (those series relearn).
 */
import type { Logger } from 'pino';
import type { DetectorBank } from '../observe/metrics/detector-bank.js';
import type { Store } from '../store/store.js';

const DETECTOR_KIND = 'series-detector';

type Log = Pick<Logger, 'warn'>;

export function restoreDetectors(store: Store, bank: DetectorBank, logger?: Log): void {
  const rows = store.modelState.loadAll(DETECTOR_KIND).map((row) => ({ key: row.key, ...parseRow(row.state) }));
  const { skipped } = bank.restore(rows);
  if (skipped > 0) logger?.warn({ skipped }, 'unreadable detector snapshots skipped; those series relearn');
}

/** Saves the detectors observed since the last save, in one transaction; never throws. */
export function saveDetectors(store: Store, bank: DetectorBank, nowMs: number, logger?: Log): void {
  try {
    const entries = bank.snapshot(true).map(({ key, name, state }) => ({
      key,
      kind: DETECTOR_KIND,
      state: JSON.stringify({ name, state }),
      updatedMs: nowMs,
    }));
    store.transaction(() => store.modelState.saveMany(entries));
  } catch (error) {
    logger?.warn({ err: error }, 'detector snapshot failed');
  }
}

/** A stored row's `{ name, state }`; a row that is not even JSON yields a state the bank skips. */
function parseRow(text: string): { name: string; state: unknown } {
  try {
    const row: unknown = JSON.parse(text);
    if (typeof row === 'object' && row !== null && 'name' in row && typeof row.name === 'string' && 'state' in row) {
      return { name: row.name, state: row.state };
    }
  } catch {
    // Fall through: counted as skipped by the bank.
  }
  return { name: '', state: undefined };
}
