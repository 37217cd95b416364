/**
 * The metric explorer keeps its state in the URL (`#/metrics?key=…&range=1h`, or `&from=…&to=…`
 * for a fixed window), so a view can be bookmarked, shared and linked from an incident. Pure.
 */

const MINUTE = 60_000;

export const RANGE_PRESETS = [
  { id: '15m', label: '15 min', ms: 15 * MINUTE },
  { id: '1h', label: '1 h', ms: 60 * MINUTE },
  { id: '6h', label: '6 h', ms: 6 * 60 * MINUTE },
  { id: '24h', label: '24 h', ms: 24 * 60 * MINUTE },
] as const;

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];

export const DEFAULT_PRESET: RangePresetId = '1h';

/** The last stretch up to "now", which moves while the page is open, or a window that does not. */
export type ExplorerRange = { kind: 'last'; preset: RangePresetId } | { kind: 'fixed'; fromMs: number; toMs: number };

export interface ExplorerQuery {
  /** Series key; undefined until one is picked. */
  key: string | undefined;
  range: ExplorerRange;
}

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** Reads the part of the hash after `?`. Anything unreadable falls back to the default range. */
export function parseExplorerQuery(search: string): ExplorerQuery {
  const params = new URLSearchParams(search);
  const key = params.get('key') || undefined;
  return { key, range: readRange(params) ?? { kind: 'last', preset: DEFAULT_PRESET } };
}

export function explorerHref(query: ExplorerQuery): string {
  const params = new URLSearchParams();
  if (query.key) params.set('key', query.key);
  writeRange(params, query.range);
  return `#/metrics?${params.toString()}`;
}

/** `from`+`to` (a fixed window) or `range` (a preset); undefined when neither is usable. Shared by every page with a range in its URL. */
export function readRange(params: URLSearchParams): ExplorerRange | undefined {
  const fromMs = readMs(params.get('from'));
  const toMs = readMs(params.get('to'));
  if (fromMs !== undefined && toMs !== undefined && fromMs <= toMs) return { kind: 'fixed', fromMs, toMs };
  const preset = RANGE_PRESETS.find((candidate) => candidate.id === params.get('range'));
  return preset ? { kind: 'last', preset: preset.id } : undefined;
}

export function writeRange(params: URLSearchParams, range: ExplorerRange): void {
  if (range.kind === 'fixed') {
    // Whole milliseconds widened outwards, so the window never loses an edge point.
    params.set('from', String(Math.floor(range.fromMs)));
    params.set('to', String(Math.ceil(range.toMs)));
  } else {
    params.set('range', range.preset);
  }
}

/** The explorer for one series over a fixed window, e.g. an incident's. */
export function explorerHrefFor(key: string, window: TimeWindow): string {
  return explorerHref({ key, range: { kind: 'fixed', ...window } });
}

/** The window a range covers when `nowMs` is the present (see format.ts viewNow). */
export function resolveRange(range: ExplorerRange, nowMs: number): TimeWindow {
  if (range.kind === 'fixed') return { fromMs: range.fromMs, toMs: range.toMs };
  const preset = RANGE_PRESETS.find((candidate) => candidate.id === range.preset) ?? RANGE_PRESETS[1];
  return { fromMs: nowMs - preset.ms, toMs: nowMs };
}

/** A stable name for a range, for poll keys: a new range is new data. */
export function rangeId(range: ExplorerRange): string {
  return range.kind === 'fixed' ? `${range.fromMs}-${range.toMs}` : range.preset;
}

function readMs(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
