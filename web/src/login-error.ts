import { ApiError } from './api.js';

/**
 * What a failed sign-in says to a person: the server answers 401 alike for an unknown user
 * and a wrong password (so names cannot be probed), and 429 with the wait when locked out.
 */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Wrong user or password.';
    if (error.status === 429) return `Locked out: ${stripPrefix(error.serverMessage ?? 'too many attempts; try again later')}`;
    return error.serverMessage ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** "Too many requests: too many failed logins…; try again in 30 s" → the part after the code's text. */
function stripPrefix(message: string): string {
  return message.replace(/^Too many requests:\s*/i, '');
}
