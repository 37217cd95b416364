/**
 * Team scoping (docs/access.md#teams): an incident belongs to its team, or else to the owner
 * team of its first owned service in the catalog; a service to its catalog owner team. People
 * outside that team (and not admins) neither list it nor reach it by id: a request for it is
 * answered like one for something that does not exist, so ids reveal nothing.
 */
import type { FastifyInstance } from 'fastify';
import { canSeeTeam, type Principal } from '../../core/access.js';
import type { Config } from '../../core/config.js';
import { OpsError } from '../../core/errors.js';
import type { Incident } from '../../core/records.js';
import type { Store } from '../../store/store.js';

export class TeamScope {
  readonly #store: Store;
  readonly #seeded: Config['catalog'];

  constructor(store: Store, seeded: Config['catalog']) {
    this.#store = store;
    this.#seeded = seeded;
  }

  serviceOwner(service: string): string | undefined {
    return this.#store.catalog.get(service)?.entry.ownerTeam ?? (Object.hasOwn(this.#seeded, service) ? this.#seeded[service]?.ownerTeam : undefined);
  }

  incidentOwner(incident: Pick<Incident, 'team' | 'services'>): string | undefined {
    if (incident.team) return incident.team;
    for (const service of incident.services) {
      const owner = this.serviceOwner(service);
      if (owner !== undefined) return owner;
    }
    return undefined;
  }

  /** Admins skip the lookups: they see everything. */
  canSeeIncident(principal: Principal, incident: Pick<Incident, 'team' | 'services'>): boolean {
    return principal.scopes.has('admin') || canSeeTeam(principal, this.incidentOwner(incident));
  }

  canSeeService(principal: Principal, service: string): boolean {
    return principal.scopes.has('admin') || canSeeTeam(principal, this.serviceOwner(service));
  }
}

/**
 * Guards every route that names an incident or a service in its path, before its handler
 * runs: `:id` under /api/v1/incidents/, `:incidentId` anywhere, `:service` anywhere.
 */
export function installTeamScopeGuard(app: FastifyInstance, scope: TeamScope, store: Store): void {
  app.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url ?? '';
    const params = (request.params ?? {}) as Record<string, unknown>;
    const incidentId = url.startsWith('/api/v1/incidents/:id') ? params['id'] : params['incidentId'];
    if (typeof incidentId === 'string') {
      const incident = store.incidents.get(incidentId);
      if (incident !== undefined && !scope.canSeeIncident(request.principal, incident)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId}`]);
    }
    const service = params['service'];
    if (typeof service === 'string' && !scope.canSeeService(request.principal, service)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Service ${service}`]);
  });
}
