/**
 * PagerDuty events to Signals. Pure: receive time is passed in. One alert per
 * (routing_key, dedup_key), as in PagerDuty, where a dedup_key is scoped to its integration.
 */
import { stableHash } from '../../core/ids.js';
import type { Labels, Signal } from '../../core/records.js';
import { sortLabels } from '../../core/series.js';
import type { PagerDutyEvent, PagerDutyTrigger } from './event-schema.js';

export const PAGERDUTY_SOURCE = 'pagerduty';

/** custom_details can be any JSON; past this many labels the rest is dropped, not the event. */
const MAX_DETAIL_LABELS = 32;
const MAX_LABEL_VALUE = 256;

export function alertFingerprint(routingKey: string, dedupKey: string): string {
  return stableHash(PAGERDUTY_SOURCE, routingKey, dedupKey);
}

/**
 * PagerDuty makes up a key when a trigger has none. Ours is derived from what identifies the
 * problem (not the timestamp or details), so a redelivered or repeated trigger folds onto
 * the alert it already raised instead of opening another.
 */
export function dedupKeyOf(event: PagerDutyEvent): string {
  if (event.event_action !== 'trigger') return event.dedup_key;
  if (event.dedup_key !== undefined) return event.dedup_key;
  const { summary, source, severity, component = '', group = '', class: eventClass = '' } = event.payload;
  return stableHash(event.routing_key, summary, source, severity, component, group, eventClass);
}

/** Event time: the payload's timestamp when it has one, else when we received it. */
export function triggerTimeMs(event: PagerDutyTrigger, nowMs: number): number {
  return event.payload.timestamp === undefined ? nowMs : Date.parse(event.payload.timestamp);
}

/**
 * Service rule: `component` when present (PagerDuty's "the part of the source at fault", e.g.
 * "checkout"), then the source is the instance; otherwise the source is the service.
 */
export function triggerToSignal(event: PagerDutyTrigger, options: { nowMs: number }): Signal {
  const { payload } = event;
  const dedupKey = dedupKeyOf(event);
  const signal: Signal = {
    kind: 'alert',
    source: PAGERDUTY_SOURCE,
    fingerprint: alertFingerprint(event.routing_key, dedupKey),
    name: payload.class || payload.summary,
    status: 'firing',
    severity: payload.severity,
    timeMs: triggerTimeMs(event, options.nowMs),
    summary: payload.summary,
    labels: triggerLabels(event, dedupKey),
    service: payload.component || payload.source,
  };
  if (payload.component) signal.instance = payload.source;
  return signal;
}

/** A resolve is a resolving signal for the alert's fingerprint; the fold ignores it if nothing fires. */
export function resolveToSignal(routingKey: string, dedupKey: string, options: { nowMs: number }): Signal {
  return {
    kind: 'alert',
    source: PAGERDUTY_SOURCE,
    fingerprint: alertFingerprint(routingKey, dedupKey),
    name: dedupKey,
    status: 'resolved',
    severity: 'info',
    timeMs: options.nowMs,
    summary: '',
    labels: { dedup_key: dedupKey },
  };
}

/** Named PagerDuty fields win over custom_details keys of the same name. */
function triggerLabels(event: PagerDutyTrigger, dedupKey: string): Labels {
  const { payload } = event;
  const named: Labels = { dedup_key: dedupKey, source: payload.source };
  if (payload.component) named['component'] = payload.component;
  if (payload.group) named['group'] = payload.group;
  if (payload.class) named['class'] = payload.class;
  if (event.client) named['client'] = event.client;
  return sortLabels({ ...flattenDetails(payload.custom_details), ...named });
}

/** Nested objects become dotted names; arrays and scalars become their JSON text. */
export function flattenDetails(details: unknown): Labels {
  const labels: Labels = {};
  const visit = (value: unknown, path: string): void => {
    if (Object.keys(labels).length >= MAX_DETAIL_LABELS) return;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, nested] of Object.entries(value)) visit(nested, path ? `${path}.${key}` : key);
      return;
    }
    if (value === undefined || path === '') return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    labels[path] = text.length > MAX_LABEL_VALUE ? `${text.slice(0, MAX_LABEL_VALUE - 1)}…` : text;
  };
  // A string or number as custom_details has no name of its own.
  visit(details, typeof details === 'object' ? '' : 'details');
  return labels;
}
