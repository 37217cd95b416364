/**
 * Generic events (POST /api/v1/events) to Signals. Pure: the receive time is passed in, so a
 * replayed event with a past timestamp is analysed exactly like a live one.
 */
import type { EventInput } from '../../core/api.js';
import { stableHash } from '../../core/ids.js';
import type { Signal } from '../../core/records.js';
import { sortLabels } from '../../core/series.js';

export const EVENTS_SOURCE = 'events';

/**
 * One event becomes one signal. Events without a `dedupKey` are identified by what they are
 * about (name, service, labels), so a repeat of the same event updates one alert instead of
 * opening a new one, and a `resolved` event with the same identity clears it.
 */
export function eventToSignal(event: EventInput, options: { nowMs: number }): Signal {
  const labels = sortLabels(event.labels);
  const signal: Signal = {
    kind: 'event',
    source: EVENTS_SOURCE,
    fingerprint: eventFingerprint(event),
    name: event.name,
    status: event.status,
    severity: event.severity,
    timeMs: eventTimeMs(event.time, options.nowMs),
    summary: event.summary,
    labels,
  };
  if (event.service !== undefined) signal.service = event.service;
  if (event.instance !== undefined) signal.instance = event.instance;
  return signal;
}

export function eventsToSignals(events: readonly EventInput[], options: { nowMs: number }): Signal[] {
  return events.map((event) => eventToSignal(event, options));
}

export function eventFingerprint(event: Pick<EventInput, 'dedupKey' | 'name' | 'service' | 'labels'>): string {
  if (event.dedupKey !== undefined) return stableHash(EVENTS_SOURCE, 'dedup', event.dedupKey);
  const labelParts = Object.keys(event.labels)
    .sort()
    .map((name) => `${name}=${event.labels[name] ?? ''}`);
  return stableHash(EVENTS_SOURCE, event.name, event.service ?? '', ...labelParts);
}

/** Epoch ms as given, an RFC 3339 string parsed, or the receive time when absent. */
function eventTimeMs(time: EventInput['time'], nowMs: number): number {
  if (time === undefined) return nowMs;
  if (typeof time === 'number') return time;
  return Date.parse(time);
}
