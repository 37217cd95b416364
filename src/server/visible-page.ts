/**
 * A page of what the caller may see from a newest-first list that also holds other teams'
 * records: reads a longer list until `limit` visible ones are found, the list ends, or `maxRead`
 * records were read (a bound on one request's cost).
 */
export function visiblePage<T>(read: (limit: number) => readonly T[], visible: (record: T) => boolean, limit: number, maxRead: number): T[] {
  for (let count = limit; ; count = Math.min(count * 4, maxRead)) {
    const batch = read(count);
    const shown = batch.filter(visible);
    if (shown.length >= limit || batch.length < count || count >= maxRead) return shown.slice(0, limit);
  }
}
