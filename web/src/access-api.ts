/** Sign-in, tokens, users and teams calls of the UI (docs/access.md), on the shared request() of api.ts. */
import { request } from './api.js';
import type { ApiToken, AuthStatus, Team, TokenCreateBody, TokenCreated, User, WhoAmI } from './access-types.js';

export function authStatus(signal?: AbortSignal): Promise<AuthStatus> {
  return request('GET', '/auth/status', { signal });
}

/** Who the session cookie belongs to, with its CSRF token; a 401 when there is none. */
export function currentSession(signal?: AbortSignal): Promise<WhoAmI> {
  return request('GET', '/auth/session', { signal });
}

export function login(user: string, password: string): Promise<WhoAmI> {
  return request('POST', '/auth/login', { body: { user, password } });
}

export function completeSetup(setupToken: string, user: Pick<User, 'id' | 'name'>, password: string): Promise<WhoAmI> {
  return request('POST', '/auth/setup', { body: { setupToken, user, password } });
}

export async function logout(): Promise<void> {
  await request('POST', '/auth/logout');
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await request<{ tokens: ApiToken[] }>('GET', '/tokens', { signal })).tokens;
}

export function createToken(body: TokenCreateBody): Promise<TokenCreated> {
  return request('POST', '/tokens', { body });
}

export async function revokeToken(id: string): Promise<ApiToken> {
  return (await request<{ token: ApiToken }>('DELETE', `/tokens/${encodeURIComponent(id)}`)).token;
}

export async function listTeams(signal?: AbortSignal): Promise<Team[]> {
  return (await request<{ items: Team[] }>('GET', '/teams', { signal })).items;
}

export function createTeam(team: Team): Promise<Team> {
  return request('POST', '/teams', { body: team });
}

export async function deleteTeam(id: string): Promise<void> {
  await request('DELETE', `/teams/${encodeURIComponent(id)}`);
}

/** Creates a user; 409 when the id is taken (saveUser replaces). */
export function createUser(user: User): Promise<User> {
  return request('POST', '/users', { body: user });
}

export function saveUser(user: User): Promise<User> {
  return request('PUT', `/users/${encodeURIComponent(user.id)}`, { body: user });
}

/** `currentPassword` is needed for your own password, not when an admin sets someone else's. */
export async function setPassword(userId: string, password: string, currentPassword?: string): Promise<void> {
  await request('PUT', `/users/${encodeURIComponent(userId)}/password`, { body: { password, ...(currentPassword ? { currentPassword } : {}) } });
}
