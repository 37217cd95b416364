/**
 * The remote side of a span from semantic-convention attributes, so calls to uninstrumented
 * databases, queues and external APIs still show up as service-graph edges. `peer.service`
 * is an explicit statement and counts for any span kind; the rest describe an outgoing call
 * and only count on client/producer spans (a server span's server.address is itself).
 */
import type { Attributes, AttributeValue, SpanKind } from '../../core/records.js';

/** Every attribute peerServiceOf reads: the span path decodes only these (decode-traces-wire.ts). */
export const PEER_SERVICE_KEYS: ReadonlySet<string> = new Set([
  'peer.service',
  'messaging.system',
  'messaging.destination.name',
  'server.address',
  'net.peer.name',
  'db.system',
  'db.system.name',
]);

function text(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const rendered = String(value);
  return rendered === '' ? undefined : rendered;
}

export function peerServiceOf(kind: SpanKind, attributes: Attributes): string | undefined {
  const explicit = text(attributes['peer.service']);
  if (explicit !== undefined) return explicit;
  if (kind !== 'client' && kind !== 'producer') return undefined;
  if (text(attributes['messaging.system']) !== undefined) {
    const destination = text(attributes['messaging.destination.name']);
    if (destination !== undefined) return destination;
  }
  return (
    text(attributes['server.address']) ??
    text(attributes['net.peer.name']) ??
    text(attributes['db.system']) ??
    text(attributes['db.system.name'])
  );
}
