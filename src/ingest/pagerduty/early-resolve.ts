/**
 * The out-of-order rule. PagerDuty accepts a resolve (or acknowledge) for a dedup_key it has
 * never seen; delivered out of order, the trigger it belonged to can arrive afterwards and
 * would open an alert nobody will ever resolve. So a resolve of an unknown key is remembered,
 * and a trigger with that key is dropped when its time (its own timestamp, else when it
 * arrived) is earlier than the resolve's arrival plus GRACE_MS; the grace covers triggers
 * without a timestamp and senders whose clock runs ahead. A later trigger is a new problem
 * and opens an alert as usual.
 */
import { z } from 'zod';

export const EARLY_RESOLVE_KIND = 'pagerduty-early-resolve';
export const EARLY_RESOLVE_GRACE_MS = 5 * 60_000;

const EarlyResolveSchema = z.object({ resolvedMs: z.number() });
export type EarlyResolve = z.infer<typeof EarlyResolveSchema>;

export function encodeEarlyResolve(resolvedMs: number): string {
  return JSON.stringify({ resolvedMs } satisfies EarlyResolve);
}

/** A stored state that does not parse is ignored: losing the rule is better than losing alerts. */
export function decodeEarlyResolve(state: string | undefined): EarlyResolve | undefined {
  if (state === undefined) return undefined;
  try {
    const parsed = EarlyResolveSchema.safeParse(JSON.parse(state));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `triggerMs`: the trigger's own timestamp, or its receive time when it has none. */
export function isLateTrigger(earlyResolve: EarlyResolve | undefined, triggerMs: number): boolean {
  return earlyResolve !== undefined && triggerMs < earlyResolve.resolvedMs + EARLY_RESOLVE_GRACE_MS;
}
