/** The explorer's series picker: which services exist and which series match a filter. Pure. */
import type { SeriesInfo } from './types.js';

export interface SeriesFilter {
  /** Only this service's series; undefined for all. */
  service: string | undefined;
  /** Words that must all appear in the key, in any order and case ("cart p95"). */
  text: string;
}

export function servicesOf(series: readonly SeriesInfo[]): string[] {
  return [...new Set(series.map((info) => info.service))].sort();
}

export function filterSeries(series: readonly SeriesInfo[], filter: SeriesFilter): SeriesInfo[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return series.filter((info) => {
    if (filter.service !== undefined && info.service !== filter.service) return false;
    const key = info.key.toLowerCase();
    return words.every((word) => key.includes(word));
  });
}
