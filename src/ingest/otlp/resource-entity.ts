/** Which entity (service, instance) a resource describes, from resource semantic conventions. */
import type { EntityRef } from '../../core/records.js';
import type { OtlpAttributes, OtlpValue } from './otlp-types.js';
import { valueText } from './otlp-values.js';

export const UNKNOWN_SERVICE = 'unknown_service';

/**
 * Instance identity: the pod where there is one (what operators name, restart and what
 * kubectl shows; a pod's service.instance.id is often a fresh UUID per process start), else the
 * SDK's service.instance.id, else the host.
 */
const INSTANCE_KEYS = ['k8s.pod.name', 'service.instance.id', 'host.name'] as const;

function text(value: OtlpValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const rendered = valueText(value);
  return rendered === '' ? undefined : rendered;
}

export function entityFromResource(resource: OtlpAttributes): EntityRef {
  const service = text(resource['service.name']) ?? UNKNOWN_SERVICE;
  // The node a pod runs on is its host; host.name inside a pod is often the pod's own name.
  const host = text(resource['k8s.node.name']) ?? text(resource['host.name']);
  for (const key of INSTANCE_KEYS) {
    const instance = text(resource[key]);
    if (instance !== undefined) return host !== undefined ? { service, instance, host } : { service, instance };
  }
  return { service };
}
