/** Access-control shapes of the API (src/core/access-api.ts), by z.infer: never hand-copied. */
import type { z } from 'zod';
import type { AuthStatusSchema, TokenCreateBodySchema, TokenCreatedSchema, TokenSchema } from '../../src/core/access-api.js';

export type { WhoAmI } from '../../src/core/access-api.js';
export type { Role, Scope } from '../../src/core/access.js';
export type { Team, User } from '../../src/core/notify-api.js';
export type AuthStatus = z.infer<typeof AuthStatusSchema>;
export type ApiToken = z.infer<typeof TokenSchema>;
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;
export type TokenCreateBody = z.input<typeof TokenCreateBodySchema>;
