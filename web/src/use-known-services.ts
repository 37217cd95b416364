import { useCallback, useMemo, useRef } from 'react';
import { listServices } from './api.js';
import { viewNow } from './format.js';
import { usePoll } from './use-poll.js';

export interface KnownServices {
  /** Names of every service seen in telemetry (logs included), sorted. */
  names: readonly string[];
  /**
   * "Now" for "last 1 h": the viewer's clock, or the newest telemetry when that is ahead of it
   * (the demo runs simulated time faster than real time). Read when a request is made.
   */
  nowMs: () => number;
}

/** The services the filters offer, and the present the log pages' ranges count back from. */
export function useKnownServices(): KnownServices {
  const poll = usePoll('services', (signal) => listServices(signal));
  const services = poll.data?.services;
  const names = useMemo(() => (services ?? []).map((service) => service.name).sort(), [services]);
  const newest = useRef(0);
  newest.current = viewNow((services ?? []).map((service) => service.lastSeenMs));
  const nowMs = useCallback(() => Math.max(newest.current, Date.now()), []);
  return { names, nowMs };
}
