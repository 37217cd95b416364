/**
 * Decides which open incident a newly firing alert belongs to, and says why. Pure.
 *
 * An alert joins an incident when it starts while the incident is active (an alert of it still
 * fires, or the last one ended less than `windowMs` ago) and its service is within
 * `maxDistance` hops of one of the incident's services in the service graph. Among several
 * such incidents the topologically closest wins, then the most recently active. Alerts without
 * a service join on time alone.
 */
import type { Alert } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';

export interface IncidentView {
  id: string;
  services: readonly string[];
  /** Latest start or end of any of its alerts, event time. */
  lastActivityMs: number;
  firingAlerts: number;
}

export interface CorrelationOptions {
  windowMs: number;
  maxDistance: number;
}

export interface Decision {
  incidentId?: string;
  reason: string;
}

export function chooseIncident(
  alert: Alert,
  open: readonly IncidentView[],
  graph: ServiceGraph,
  options: CorrelationOptions,
): Decision {
  let best: { view: IncidentView; hops: number; via?: string; gapMs: number } | undefined;
  for (const view of open) {
    const gapMs = alert.startsMs - view.lastActivityMs;
    const active = view.firingAlerts > 0 || gapMs <= options.windowMs;
    if (!active || alert.startsMs < view.lastActivityMs - 6 * options.windowMs) continue;
    const link = closestService(alert.service, view.services, graph, options.maxDistance);
    if (!link) continue;
    const better =
      !best || link.hops < best.hops || (link.hops === best.hops && view.lastActivityMs > best.view.lastActivityMs);
    if (better) best = { view, hops: link.hops, gapMs, ...(link.via ? { via: link.via } : {}) };
  }
  if (!best) return { reason: newIncidentReason(alert) };
  const gap = best.gapMs > 0 ? `${Math.round(best.gapMs / 1000)} s after its last alert` : 'while it was firing';
  const where =
    best.via === undefined
      ? 'no service to place it'
      : best.hops === 0
        ? `same service ${best.via}`
        : `${alert.service} is ${best.hops} hop${best.hops > 1 ? 's' : ''} from ${best.via}`;
  return { incidentId: best.view.id, reason: `joined: ${where}, ${gap}` };
}

function closestService(
  service: string | undefined,
  services: readonly string[],
  graph: ServiceGraph,
  maxDistance: number,
): { hops: number; via?: string } | undefined {
  if (service === undefined || services.length === 0) return { hops: maxDistance };
  let best: { hops: number; via: string } | undefined;
  for (const candidate of services) {
    const hops = graph.distance(service, candidate, maxDistance);
    if (hops !== undefined && (!best || hops < best.hops)) best = { hops, via: candidate };
  }
  return best;
}

function newIncidentReason(alert: Alert): string {
  return `opened: no active incident within reach of ${alert.service ?? 'this alert'}`;
}
