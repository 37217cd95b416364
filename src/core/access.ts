/**
 * Who may do what (docs/access.md): the roles people hold, the scopes tokens carry, the
 * permission every route declares, and team visibility. Pure: the server resolves a request
 * to a Principal and asks these functions.
 */

export const ROLES = ['viewer', 'responder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a token may be used for; a person's role grants the matching scopes. */
export const SCOPES = ['ingest', 'read', 'respond', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What a route needs: `public` nothing (health, login), `authenticated` any valid identity
 * (who am I, logout), otherwise a scope.
 */
export type Permission = 'public' | 'authenticated' | Scope;
export const PERMISSIONS: readonly Permission[] = ['public', 'authenticated', ...SCOPES];

/** Each scope includes the ones listed: an admin token can read, a respond token can read. */
const IMPLIED: Readonly<Record<Scope, readonly Scope[]>> = {
  ingest: [],
  read: [],
  respond: ['read'],
  admin: ['read', 'respond', 'ingest'],
};

const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  viewer: ['read'],
  responder: ['respond'],
  admin: ['admin'],
};

/** The identity a request acts as. `open` is the whole platform when authentication is off. */
export interface Principal {
  kind: 'user' | 'token' | 'open' | 'anonymous';
  /** The user, or the token's owner; absent for an integration key and for `open`. */
  userId?: string;
  tokenId?: string;
  /** How it is shown in the audit trail: a user id, `token:<name>` or `anonymous`. */
  actor: string;
  scopes: ReadonlySet<Scope>;
  /** Teams whose incidents, services, schedules and runbooks it may see, besides unowned ones. */
  teams: readonly string[];
  via: 'session' | 'bearer' | 'url-token' | 'open' | 'none';
}

/** The scopes granted, with everything they imply. */
export function expandScopes(scopes: Iterable<Scope>): Set<Scope> {
  const granted = new Set<Scope>();
  for (const scope of scopes) {
    granted.add(scope);
    for (const implied of IMPLIED[scope]) granted.add(implied);
  }
  return granted;
}

/** The scopes a role grants, as a token asks for them (`respond`, not `respond, read`). */
export function roleScopes(role: Role): readonly Scope[] {
  return ROLE_SCOPES[role];
}

export function scopesOfRole(role: Role): Set<Scope> {
  return expandScopes(ROLE_SCOPES[role]);
}

/** A token cannot do more than its owner: its scopes are cut to the owner's role. */
export function tokenScopes(scopes: readonly Scope[], ownerRole: Role | undefined): Set<Scope> {
  const requested = expandScopes(scopes);
  if (ownerRole === undefined) return requested;
  const allowed = scopesOfRole(ownerRole);
  return new Set([...requested].filter((scope) => allowed.has(scope)));
}

export function allows(principal: Principal | undefined, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (principal === undefined) return false;
  if (permission === 'authenticated') return true;
  return principal.scopes.has(permission);
}

/**
 * Team scoping: admins see everything; others see what no team owns and what their teams own.
 * A resource's owner is its team, else its service's owner team in the catalog.
 */
export function canSeeTeam(principal: Principal, team: string | null | undefined): boolean {
  if (team === undefined || team === null || team === '') return true;
  if (principal.scopes.has('admin')) return true;
  return principal.teams.includes(team);
}

export const OPEN_PRINCIPAL: Principal = Object.freeze({
  kind: 'open',
  actor: 'anonymous',
  scopes: expandScopes(['admin']),
  teams: [],
  via: 'open',
});

/** No credentials, on a public route while authentication is on. */
export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  kind: 'anonymous',
  actor: 'anonymous',
  scopes: new Set<Scope>(),
  teams: [],
  via: 'none',
});
