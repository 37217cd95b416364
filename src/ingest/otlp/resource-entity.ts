/** Which entity (service, instance) a resource describes, from resource semantic conventions. */
import type { EntityRef } from '../../core/records.js';
import type { OtlpAttributes, OtlpValue } from './otlp-types.js';
import { valueText } from './otlp-values.js';

export const UNKNOWN_SERVICE = 'unknown_service';

/** Instance identity, most specific first. */
const INSTANCE_KEYS = ['service.instance.id', 'k8s.pod.name', 'host.name'] as const;

function text(value: OtlpValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const rendered = valueText(value);
  return rendered === '' ? undefined : rendered;
}

export function entityFromResource(resource: OtlpAttributes): EntityRef {
  const service = text(resource['service.name']) ?? UNKNOWN_SERVICE;
  for (const key of INSTANCE_KEYS) {
    const instance = text(resource[key]);
    if (instance !== undefined) return { service, instance };
  }
  return { service };
}
