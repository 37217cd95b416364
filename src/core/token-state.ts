/** Whether an API token still works, as the web UI and `opsloop tokens list` show it (docs/access.md#tokens). Pure. */
import type { z } from 'zod';
import type { TokenSchema } from './access-api.js';

/** Revoked wins over expired: revoking is what a person did. */
export function tokenState(token: Pick<z.infer<typeof TokenSchema>, 'revokedMs' | 'expiresMs'>, nowMs: number): 'active' | 'expired' | 'revoked' {
  if (token.revokedMs !== undefined) return 'revoked';
  if (token.expiresMs !== undefined && token.expiresMs <= nowMs) return 'expired';
  return 'active';
}
