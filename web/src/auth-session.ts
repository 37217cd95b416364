/**
 * The sign-in the page holds (docs/access.md#sessions): the session cookie itself is HttpOnly
 * and the browser sends it; what the page keeps is the CSRF token from the WhoAmI answer, which
 * request() adds to every change, and who signed in, whom changes name as their author.
 * A 401 from any call means the session ended: listeners (the app shell) show the login page.
 */
import type { WhoAmI } from './access-types.js';

/** Who changes are made by when nobody signed in (authentication off). */
const ANONYMOUS_ACTOR = 'web';

let current: WhoAmI | undefined;
const onSignedOut = new Set<() => void>();

export function rememberSession(who: WhoAmI | undefined): void {
  current = who;
}

export function csrfToken(): string | undefined {
  return current?.csrfToken;
}

/** The `by` the UI sends with a change: the signed-in user, else "web". */
export function webActor(): string {
  return current?.user?.id ?? ANONYMOUS_ACTOR;
}

/** Runs `listener` whenever the API answers 401; returns the unsubscribe. */
export function whenSignedOut(listener: () => void): () => void {
  onSignedOut.add(listener);
  return () => onSignedOut.delete(listener);
}

export function sessionEnded(): void {
  current = undefined;
  for (const listener of onSignedOut) listener();
}
