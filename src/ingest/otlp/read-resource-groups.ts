/**
 * The resource → scope → items nesting shared by all three signals
 * (resourceSpans/scopeSpans/spans, resourceMetrics/scopeMetrics/metrics, …).
 */
import { asMessage, readList, readMessage, readString, type Message } from './field-readers.js';
import { readAttributes } from './read-any-value.js';
import type { OtlpResourceGroup, OtlpScope } from './otlp-types.js';

export interface GroupFields {
  /** e.g. `resourceSpans` */
  resources: string;
  /** e.g. `scopeSpans` */
  scopes: string;
  /** e.g. `spans` */
  items: string;
}

function readScope(message: Message): OtlpScope {
  return readMessage(message, 'scope', (scope) => ({
    name: readString(scope, 'name'),
    version: readString(scope, 'version'),
  })) ?? { name: '', version: '' };
}

export function readResourceGroups<T>(
  request: unknown,
  fields: GroupFields,
  readItem: (item: Message) => T,
): OtlpResourceGroup<T>[] {
  return readList(asMessage(request, 'request'), fields.resources, (rawResource) => {
    const resourceGroup = asMessage(rawResource, '');
    return {
      resource: readMessage(resourceGroup, 'resource', (resource) => readAttributes(resource)) ?? {},
      scopes: readList(resourceGroup, fields.scopes, (rawScope) => {
        const scopeGroup = asMessage(rawScope, '');
        return {
          scope: readScope(scopeGroup),
          items: readList(scopeGroup, fields.items, (item) => readItem(asMessage(item, ''))),
        };
      }),
    };
  });
}
