/**
 * One TemplateMiner per service, created on a service's first log. At most `maxLive` miners
 * stay in memory: the least recently used one is saved and dropped, and restored from its
 * snapshot when its service logs again, so memory is bounded however many services report
 * and no service's template ids drift.
 */
import { TemplateMiner, type MinerSnapshot } from '../../observe/logs/index.js';

/** Where miner snapshots live between runs (and while a miner is out of memory). */
export interface MinerSnapshots {
  /** The saved snapshot of `service`'s miner, as plain JSON, if there is one. */
  load(service: string): unknown;
  save(entries: ReadonlyArray<{ service: string; snapshot: MinerSnapshot }>): void;
}

export interface ServiceMinersOptions {
  snapshots: MinerSnapshots;
  /** Miners kept in memory. */
  maxLive: number;
  /** A snapshot could not be read or written; reading falls back to a fresh miner. */
  onSnapshotError?: (service: string, error: unknown) => void;
}

export class ServiceMiners {
  readonly #options: ServiceMinersOptions;
  /** Insertion order is recency: the first entry is the least recently used. */
  readonly #live = new Map<string, TemplateMiner>();
  /** Services whose miner learned since its last save. */
  readonly #dirty = new Set<string>();

  constructor(options: ServiceMinersOptions) {
    if (!Number.isInteger(options.maxLive) || options.maxLive < 1) {
      throw new RangeError(`maxLive must be a positive integer, got ${options.maxLive}`);
    }
    this.#options = options;
  }

  /** The miner of `service`, restored or created if it is not in memory; marked as learning. */
  minerOf(service: string): TemplateMiner {
    let miner = this.#live.get(service);
    if (miner) {
      this.#live.delete(service);
    } else {
      miner = this.#restore(service);
      this.#evictFor(1);
    }
    this.#live.set(service, miner);
    this.#dirty.add(service);
    return miner;
  }

  /** Saves the miners that learned since their last save. */
  saveChanged(): void {
    const services = [...this.#dirty].filter((service) => this.#live.has(service));
    this.#save(services);
  }

  #restore(service: string): TemplateMiner {
    let saved: unknown;
    try {
      saved = this.#options.snapshots.load(service);
      if (saved !== undefined) return TemplateMiner.restore(saved);
    } catch (error) {
      this.#options.onSnapshotError?.(service, error);
    }
    return new TemplateMiner();
  }

  #evictFor(incoming: number): void {
    const excess = this.#live.size + incoming - this.#options.maxLive;
    if (excess <= 0) return;
    const leaving = [...this.#live.keys()].slice(0, excess);
    this.#save(leaving.filter((service) => this.#dirty.has(service)));
    for (const service of leaving) {
      this.#live.delete(service);
      this.#dirty.delete(service);
    }
  }

  #save(services: readonly string[]): void {
    if (services.length === 0) return;
    const entries = services.map((service) => ({ service, snapshot: (this.#live.get(service) as TemplateMiner).snapshot() }));
    try {
      this.#options.snapshots.save(entries);
      for (const service of services) this.#dirty.delete(service);
    } catch (error) {
      this.#options.onSnapshotError?.(services.join(','), error);
    }
  }
}
