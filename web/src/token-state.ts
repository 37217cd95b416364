import type { ApiToken } from './access-types.js';

/** Whether a token still works, as its row shows it; revoked wins over expired. */
export function tokenState(token: ApiToken, nowMs: number): 'active' | 'expired' | 'revoked' {
  if (token.revokedMs !== undefined) return 'revoked';
  if (token.expiresMs !== undefined && token.expiresMs <= nowMs) return 'expired';
  return 'active';
}
