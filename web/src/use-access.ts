import { useCallback, useEffect, useState } from 'react';
import { authStatus, currentSession, logout } from './access-api.js';
import type { WhoAmI } from './access-types.js';
import { ApiError } from './api.js';
import { rememberSession, whenSignedOut } from './auth-session.js';

export type AccessState =
  | { kind: 'checking' }
  /** Authentication is off (the demo): everyone acts as an admin, no sign-in. */
  | { kind: 'off' }
  | { kind: 'signed-out'; setupRequired: boolean }
  | { kind: 'signed-in'; who: WhoAmI }
  | { kind: 'unreachable'; message: string };

export interface Access {
  state: AccessState;
  /** After a login or setup answered with who signed in. */
  signedIn: (who: WhoAmI) => void;
  signOut: () => Promise<void>;
}

/**
 * Whether the page may show the platform: asks whether sign-in is on, then whom the session
 * cookie belongs to (after a reload the CSRF token comes from there). Any 401 later, from any
 * call, means the session ended or expired, and the state falls back to signed-out.
 */
export function useAccess(): Access {
  const [state, setState] = useState<AccessState>({ kind: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    const check = async (): Promise<AccessState> => {
      const status = await authStatus(controller.signal);
      if (!status.enabled) return { kind: 'off' };
      if (status.setupRequired) return { kind: 'signed-out', setupRequired: true };
      try {
        const who = await currentSession(controller.signal);
        rememberSession(who);
        return { kind: 'signed-in', who };
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out', setupRequired: false };
        throw error;
      }
    };
    check().then(setState, (error: unknown) => {
      if (!controller.signal.aborted) setState({ kind: 'unreachable', message: error instanceof Error ? error.message : String(error) });
    });
    const unsubscribe = whenSignedOut(() => setState((previous) => (previous.kind === 'signed-in' ? { kind: 'signed-out', setupRequired: false } : previous)));
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, []);

  const signedIn = useCallback((who: WhoAmI) => {
    rememberSession(who);
    setState({ kind: 'signed-in', who });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      rememberSession(undefined);
      setState({ kind: 'signed-out', setupRequired: false });
      window.location.hash = '#/login';
    }
  }, []);

  return { state, signedIn, signOut };
}
