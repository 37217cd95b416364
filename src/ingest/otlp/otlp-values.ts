/**
 * OtlpValue → the value types records carry: attribute values (string | number | boolean),
 * label strings, log bodies.
 */
import type { AttributeValue, Attributes, Labels } from '../../core/records.js';
import { sortLabels } from '../../core/series.js';
import { setOwn } from './set-own.js';
import type { OtlpAttributes, OtlpValue } from './otlp-types.js';

/** Text form of any value: strings as-is, arrays and maps as JSON (stable and parseable). */
export function valueText(value: OtlpValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One value as records carry it: arrays and maps as JSON text, non-finite numbers by name. */
export function attributeValue(value: OtlpValue): AttributeValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  // NaN and ±Infinity do not survive JSON storage; keep them as their names instead.
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return valueText(value);
}

function isAttributeValue(value: OtlpValue): value is AttributeValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Attributes for spans and logs; null (empty AnyValue) attributes are dropped. When every value
 * already is an attribute value (nearly always), `attributes` itself is returned: the
 * intermediate shape is not kept once converted, and copying was most of the conversion's cost.
 */
export function toAttributes(attributes: OtlpAttributes): Attributes {
  let clean = true;
  for (const key in attributes) {
    if (!isAttributeValue(attributes[key] as OtlpValue)) {
      clean = false;
      break;
    }
  }
  if (clean) return attributes as Attributes;
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null) setOwn(out, key, attributeValue(value));
  }
  return out;
}

/**
 * Point labels, stringified and sorted. `service` and `instance` are renamed
 * (Prometheus-style `exported_` prefix) because seriesKey() renders the entity under those
 * names and a label of the same name would make two series look alike.
 */
export function toLabels(attributes: OtlpAttributes): Labels {
  const out: Labels = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null) continue;
    const name = key === 'service' || key === 'instance' ? `exported_${key}` : key;
    setOwn(out, name, valueText(value));
  }
  return sortLabels(out);
}
