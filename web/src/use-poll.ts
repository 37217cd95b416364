import { useCallback, useEffect, useRef, useState } from 'react';

export const POLL_INTERVAL_MS = 2000;

export interface PollState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True until the first answer (data or error) arrives. */
  loading: boolean;
  /** Fetch now, e.g. right after an action changed the server's state. */
  refresh: () => void;
}

/**
 * Fetches now and every 2 s (or `intervalMs`) while the tab is visible. Hidden tabs stop polling (no load on the
 * server from forgotten tabs) and fetch at once when shown again. A slow answer never overlaps
 * the next poll: the timer is armed only after the previous fetch settles.
 * `key` identifies what is fetched; when it changes the old data is dropped.
 */
export function usePoll<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, options: { intervalMs?: number } = {}): PollState<T> {
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
  const [state, setState] = useState<{ key: string; data?: T; error?: Error }>({ key });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const kick = useRef<() => void>(() => undefined);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;
    let stopped = false;

    const run = async (): Promise<void> => {
      clearTimeout(timer);
      if (inFlight || stopped) return;
      const controller = new AbortController();
      inFlight = controller;
      try {
        const data = await fetcherRef.current(controller.signal);
        if (!stopped) setState({ key, data });
      } catch (error) {
        // Keep the last good data next to the error: a blip should not blank the page.
        if (!stopped) setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error: asError(error) }));
      } finally {
        inFlight = undefined;
        if (!stopped && !document.hidden) timer = setTimeout(() => void run(), intervalMs);
      }
    };
    const onVisibility = (): void => {
      if (document.hidden) clearTimeout(timer);
      else void run();
    };

    kick.current = () => void run();
    document.addEventListener('visibilitychange', onVisibility);
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, intervalMs]);

  const refresh = useCallback(() => kick.current(), []);
  const current = state.key === key ? state : { key };
  return { data: current.data, error: current.error, loading: current.data === undefined && current.error === undefined, refresh };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
