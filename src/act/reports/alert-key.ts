/** What groups alerts into "the same alert" for reports: its source, name and service. Pure. */
import type { Alert } from '../../core/records.js';

export interface AlertKey {
  source: string;
  name: string;
  service?: string;
}

export function alertKeyOf(alert: Alert): AlertKey {
  return { source: alert.source, name: alert.name, ...(alert.service === undefined ? {} : { service: alert.service }) };
}

/** A Map key for `key`; NUL cannot occur in a name a person reads. */
export function alertKeyText(key: AlertKey): string {
  return `${key.source}\u0000${key.name}\u0000${key.service ?? ''}`;
}

/** Counts per key, in first-seen order. */
export function countByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, { first: T; items: T[] }> {
  const groups = new Map<string, { first: T; items: T[] }>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { first: item, items: [item] });
  }
  return groups;
}
