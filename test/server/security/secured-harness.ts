/** A harness with authentication on, its first admin created and an admin token to call with. */
import type { Role, Scope } from '../../../src/core/access.js';
import type { ConfigInput } from '../../../src/core/config.js';
import { Authenticator } from '../../../src/server/auth/authenticator.js';
import { ensureFirstAdmin } from '../../../src/server/auth/first-admin.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface SecuredHarness extends Harness {
  authenticator: Authenticator;
  /** `Authorization: Bearer …` of an admin token acting for user "admin". */
  admin: { authorization: string };
  /** A user with this role, and headers of a token acting for them. */
  person(id: string, role: Role, scopes: Scope[]): { authorization: string };
}

export async function startSecuredHarness(config: ConfigInput = {}, options: { storePath?: string } = {}): Promise<SecuredHarness> {
  const auth = { enabled: true, admin: { id: 'admin', password: ADMIN_PASSWORD }, ...config.auth };
  const h = await startHarness({ config: { ...config, auth }, ...options });
  const authenticator = new Authenticator({ access: h.store.access, users: h.store.notify, settings: h.config.auth, now: () => FIXED_NOW });
  await ensureFirstAdmin(authenticator, h.store.notify, h.config.auth, 'http://localhost:7070');
  const person = (id: string, role: Role, scopes: Scope[]) => {
    if (h.store.notify.get('user', id) === undefined) h.store.notify.put('user', { id, name: id, timeZone: 'UTC', role, teams: [] });
    const { secret } = authenticator.createToken({ name: `${id}-token`, scopes, ownerId: id, createdBy: 'admin' });
    return { authorization: `Bearer ${secret}` };
  };
  return { ...h, authenticator, admin: person('admin', 'admin', ['admin']), person };
}
