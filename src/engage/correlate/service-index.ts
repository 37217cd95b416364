/**
 * The open incidents on each service, so an alert's topology to every candidate incident is
 * answered from its neighbourhood (service-neighbourhood.ts) in a few lookups: only incidents
 * holding a service within reach get a distance, every other one has none (topology 0)
 * without being visited. The answer is the one a walk of the incident's services gives
 * (`closestHops`): the nearest service, the first in the incident's order among equals. Pure.
 */

/** The parts of an incident the index reads. */
export interface ServicedIncident {
  /** Its services in the order they joined it. */
  readonly services: ReadonlySet<string>;
}

export interface Hops {
  hops: number;
  /** The incident's service nearest the alert's. */
  via: string;
}

export class ServiceIndex<T extends ServicedIncident> {
  private readonly incidents = new Map<string, Set<T>>();

  add(service: string, incident: T): void {
    const on = this.incidents.get(service);
    if (on) on.add(incident);
    else this.incidents.set(service, new Set([incident]));
  }

  /** The incident is no longer open: every service it held forgets it. */
  remove(incident: T): void {
    for (const service of incident.services) {
      const on = this.incidents.get(service);
      if (!on) continue;
      on.delete(incident);
      if (on.size === 0) this.incidents.delete(service);
    }
  }

  /** The distance to each incident holding a service in `near` (service → hops); absent ones have none. */
  reach(near: ReadonlyMap<string, number>): Map<T, Hops> {
    const found = new Map<T, Hops>();
    let tied: Set<T> | undefined;
    for (const [service, hops] of near) {
      const on = this.incidents.get(service);
      if (!on) continue;
      for (const incident of on) {
        const best = found.get(incident);
        if (!best || hops < best.hops) {
          found.set(incident, { hops, via: service });
          tied?.delete(incident);
        } else if (hops === best.hops) (tied ??= new Set()).add(incident);
      }
    }
    // Two of its services equally near: the incident's own order settles which one says why.
    if (tied) for (const incident of tied) found.set(incident, closestHops(near, incident) as Hops);
    return found;
  }
}

/**
 * The incident's service nearest the alert's, the first in the incident's order among equals,
 * by a walk of whichever is smaller, the alert's neighbourhood or the incident's services; a
 * walk of the neighbourhood that finds two equally near settles the order by the incident's walk.
 */
export function closestHops(near: ReadonlyMap<string, number>, incident: ServicedIncident): Hops | undefined {
  if (near.size === 0) return undefined;
  if (near.size < incident.services.size) {
    let best: Hops | undefined;
    let tied = false;
    for (const [service, hops] of near) {
      if (!incident.services.has(service)) continue;
      if (!best || hops < best.hops) {
        best = { hops, via: service };
        tied = false;
      } else if (hops === best.hops) tied = true;
    }
    if (!tied) return best;
  }
  let best: Hops | undefined;
  for (const other of incident.services) {
    const hops = near.get(other);
    if (hops === undefined || (best && hops >= best.hops)) continue;
    best = { hops, via: other };
    if (hops === 0) break;
  }
  return best;
}
