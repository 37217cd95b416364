/**
 * Least-recently-used order as a doubly linked list threaded through the items themselves, so
 * that marking an item used (once per mined line) is a few pointer writes instead of a
 * delete and re-insert in a Map. Pure, mutable.
 */
export interface RecencyLinks<T> {
  older: T | undefined;
  newer: T | undefined;
}

export class RecencyList<T extends RecencyLinks<T>> {
  #oldest: T | undefined;
  #newest: T | undefined;

  /** Adds an item that is not in the list as the most recently used. */
  append(item: T): void {
    item.older = this.#newest;
    item.newer = undefined;
    if (this.#newest) this.#newest.newer = item;
    else this.#oldest = item;
    this.#newest = item;
  }

  /** Marks an item of the list as the most recently used. */
  touch(item: T): void {
    if (item === this.#newest) return;
    this.remove(item);
    this.append(item);
  }

  remove(item: T): void {
    if (item.older) item.older.newer = item.newer;
    else this.#oldest = item.newer;
    if (item.newer) item.newer.older = item.older;
    else this.#newest = item.older;
    item.older = undefined;
    item.newer = undefined;
  }

  get oldest(): T | undefined {
    return this.#oldest;
  }

  /** Least recently used first. */
  *fromOldest(): IterableIterator<T> {
    for (let item = this.#oldest; item; item = item.newer) yield item;
  }
}
