/**
 * The first administrator (docs/access.md#first-start): from `auth.admin` in the
 * configuration or OPSLOOP_ADMIN_USER/OPSLOOP_ADMIN_PASSWORD, or else a one-time setup link
 * for the console. A configured admin's password is set only when it has none, so a password
 * changed in the UI survives restarts.
 */
import type { Config } from '../../core/config.js';
import type { NotifyRepository } from '../../store/store.js';
import type { Authenticator } from './authenticator.js';

/** The setup link to print, when no admin can sign in yet. */
export async function ensureFirstAdmin(authenticator: Authenticator, users: NotifyRepository, settings: Config['auth'], baseUrl: string): Promise<string | undefined> {
  if (!settings.enabled) return undefined;
  const configured = settings.admin;
  if (configured !== undefined) {
    const existing = users.get('user', configured.id);
    users.put('user', existing ? { ...existing, role: 'admin' } : { id: configured.id, name: configured.id, timeZone: 'UTC', role: 'admin', teams: [] });
    if (!authenticator.hasPassword(configured.id)) await authenticator.setPassword(configured.id, configured.password);
  }
  if (authenticator.hasAdmin()) return undefined;
  return `${baseUrl}/#/setup?token=${encodeURIComponent(authenticator.createSetupLink())}`;
}
