/**
 * The service catalog: services discovered in telemetry (the topology tables) joined with what
 * people say about them (owner team, tier, runbooks, repository, description), and their
 * dependencies from the service graph. A stored entry (PUT /api/v1/catalog/{service}) wins over
 * the configuration file's seed for that service. Pure: the caller reads the store.
 */
import type { CatalogEntry, CatalogService } from '../../core/incident-api.js';
import type { Incident, ServiceEdge } from '../../core/records.js';

export interface CatalogSources {
  /** Services seen in telemetry, with when they were last seen. */
  services: ReadonlyArray<{ name: string; lastSeenMs: number }>;
  instances: ReadonlyArray<{ service: string; instance: string }>;
  edges: readonly ServiceEdge[];
  /** Entries edited through the API. */
  stored: ReadonlyMap<string, { entry: CatalogEntry; updatedMs: number }>;
  /** Entries from the configuration file (`catalog`). */
  seeded: Readonly<Record<string, CatalogEntry>>;
  openIncidents: readonly Incident[];
}

/** Every service known from telemetry, the call graph or the catalog, sorted by name. */
export function buildCatalog(sources: CatalogSources): CatalogService[] {
  const names = new Set<string>([
    ...sources.services.map((s) => s.name),
    ...sources.edges.flatMap((e) => [e.caller, e.callee]),
    // A service known only from external alerts still has incidents, and an owner to page.
    ...sources.openIncidents.flatMap((i) => i.services),
    ...sources.stored.keys(),
    ...Object.keys(sources.seeded),
  ]);
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => catalogService(name, sources));
}

export function catalogService(name: string, sources: CatalogSources): CatalogService {
  const seen = sources.services.find((s) => s.name === name);
  const stored = sources.stored.get(name);
  const entry: CatalogEntry = stored?.entry ?? (Object.hasOwn(sources.seeded, name) ? (sources.seeded[name] as CatalogEntry) : { runbooks: [] });
  const edges = sources.edges;
  return {
    ...entry,
    service: name,
    discovered: seen !== undefined || edges.some((e) => e.caller === name || e.callee === name) || sources.openIncidents.some((i) => i.services.includes(name)),
    ...(seen ? { lastSeenMs: seen.lastSeenMs } : {}),
    instances: sources.instances.filter((i) => i.service === name).map((i) => i.instance),
    dependencies: unique(edges.filter((e) => e.caller === name).map((e) => e.callee)),
    dependents: unique(edges.filter((e) => e.callee === name).map((e) => e.caller)),
    openIncidents: sources.openIncidents.filter((i) => i.services.includes(name)).length,
    ...(stored ? { updatedMs: stored.updatedMs } : {}),
  };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
