/**
 * The out-of-order rule, for every alert source. Senders retry and proxies reorder, so a
 * resolve can arrive for an alert opsloop has never seen (PagerDuty documents accepting a
 * resolve of an unknown dedup_key), and the trigger it belonged to arrives afterwards and
 * would open an alert nobody will ever resolve. So a resolve of an unknown fingerprint is
 * remembered (durably, in model state) and a trigger of that fingerprint is dropped when its
 * time is earlier than the resolve's time plus GRACE_MS; the grace covers triggers without a
 * timestamp (their receive time is used) and senders whose clock runs ahead. A later trigger
 * is a new problem and opens an alert as usual. A remembered resolve counts only for a
 * bounded window after it arrived (src/app/early-resolve-gate.ts), then it is forgotten.
 */
import { z } from 'zod';

export const EARLY_RESOLVE_KIND = 'early-resolve';
export const EARLY_RESOLVE_GRACE_MS = 5 * 60_000;

const EarlyResolveSchema = z.object({
  resolvedMs: z.number(),
  /** When the resolve arrived, which starts its window; older entries have only resolvedMs. */
  receivedMs: z.number().optional(),
});
export type EarlyResolve = z.infer<typeof EarlyResolveSchema>;

export function encodeEarlyResolve(resolvedMs: number, receivedMs = resolvedMs): string {
  return JSON.stringify({ resolvedMs, receivedMs } satisfies EarlyResolve);
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

/** A remembered resolve that arrived more than `windowMs` before `nowMs` no longer counts. */
export function isWithinWindow(earlyResolve: EarlyResolve, nowMs: number, windowMs: number): boolean {
  return (earlyResolve.receivedMs ?? earlyResolve.resolvedMs) >= nowMs - windowMs;
}
