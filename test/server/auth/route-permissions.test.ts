/**
 * The route-permission matrix (issue 7): every operation of the OpenAPI document, called with
 * no credentials and as each role and the ingest key, is refused or let through exactly as its
 * declared permission says. And every route the server registered is in the document, so no
 * route escapes the walk (the server itself refuses to start with an undeclared one).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allows, expandScopes, PERMISSIONS, scopesOfRole, type Permission, type Principal, type Role } from '../../../src/core/access.js';
import { bearer, startAuthHarness, type AuthHarness } from './auth-harness.js';

type Operation = { method: string; path: string; permission: Permission };
const CALLERS = ['viewer', 'responder', 'admin', 'ingest'] as const;

function principalOf(caller: (typeof CALLERS)[number]): Principal {
  const scopes = caller === 'ingest' ? expandScopes(['ingest']) : scopesOfRole(caller as Role);
  return { kind: 'token', actor: caller, scopes, teams: [], via: 'bearer' };
}

describe('route permissions', () => {
  let h: AuthHarness;
  let operations: Operation[];

  before(async () => {
    h = await startAuthHarness();
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const declared = /^Permission: `([a-z]+)`\./.exec(operation.description ?? '')?.[1];
        assert.ok(declared && (PERMISSIONS as readonly string[]).includes(declared), `${method} ${path} documents no permission`);
        return { method: method.toUpperCase(), path, permission: declared as Permission };
      }),
    );
  });
  after(() => h.close());

  it('walks every route the server registered', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const registered = h.access.routes
      .filter((route) => route.method !== 'HEAD' && route.url !== '/api/v1/openapi.json')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    assert.ok(registered.length > 60);
    for (const route of registered) assert.ok(documented.has(route), `${route} is registered but not in the OpenAPI document`);
    for (const route of h.access.routes) assert.ok(route.options.config?.permission, `${route.method} ${route.url} declares no permission`);
  });

  it('answers each caller as the declared permission says', async () => {
    const failures: string[] = [];
    for (const { method, path, permission } of operations) {
      const url = path.replace(/\{\w+\}/g, 'x');
      const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
      const anonymous = await h.app.inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      const anonymousRefused = anonymous.statusCode === 401;
      if (permission === 'public' ? anonymousRefused || anonymous.statusCode === 403 : !anonymousRefused) {
        failures.push(`${method} ${path} (${permission}) without credentials → ${anonymous.statusCode}`);
      }
      for (const caller of CALLERS) {
        const response = await h.app.inject({ method: method as 'GET', url, headers: bearer(h.tokens[caller]), ...(payload ? { payload } : {}) });
        const refused = response.statusCode === 401 || (response.statusCode === 403 && response.json<{ message: string }>().message.includes('permission'));
        const allowed = allows(principalOf(caller), permission);
        if (allowed === refused) failures.push(`${method} ${path} (${permission}) as ${caller} → ${response.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
