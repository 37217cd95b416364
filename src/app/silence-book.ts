/**
 * Silences and maintenance windows at the edge: validates, stores and audits them, and keeps
 * the unexpired ones compiled in memory for the fold, which asks which silences mute an alert
 * for every signal. The matching itself is pure (src/engage/silences/silence-matcher.ts).
 */
import { OpsError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ParsedSilenceInput, Silence, SilenceView } from '../core/silence-api.js';
import { compileSilence, mutesEverything, mutingSilences, silenceState, type CompiledSilence, type Matchable } from '../engage/silences/silence-matcher.js';
import type { Store } from '../store/store.js';

export const SILENCE_SUBJECT = 'silence';

export class SilenceBook {
  #compiled: CompiledSilence[];

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {
    this.#compiled = this.#load();
  }

  /** Silences active at `timeMs` or now (a silence made now mutes a signal stamped a little earlier). */
  muting(subject: Matchable, timeMs: number): string[] {
    if (this.#compiled.length === 0) return [];
    const ids = mutingSilences(subject, timeMs, this.#compiled);
    for (const id of mutingSilences(subject, this.now(), this.#compiled)) if (!ids.includes(id)) ids.push(id);
    return ids;
  }

  /** Throws OpsError VALIDATION naming the problem. */
  create(input: ParsedSilenceInput): SilenceView {
    const nowMs = this.now();
    const startsMs = input.startsAt === undefined ? nowMs : timeOf(input.startsAt);
    const endsMs = timeOf(input.endsAt);
    if (endsMs <= nowMs) invalid(`endsAt (${iso(endsMs)}) is in the past; a silence must end in the future`);
    if (endsMs <= startsMs) invalid(`endsAt (${iso(endsMs)}) must be after startsAt (${iso(startsMs)})`);
    if (input.kind === 'maintenance' && !input.matchers.some((m) => m.name === 'service' && (m.op === '=' || m.op === '=~'))) {
      invalid('matchers: a maintenance window is scoped to services: give a matcher service="…" or service=~"…"');
    }
    const silence: Silence = {
      id: newId('sil'),
      kind: input.kind,
      matchers: input.matchers,
      reason: input.reason,
      createdBy: input.createdBy,
      createdMs: nowMs,
      startsMs,
      endsMs,
    };
    const compiled = compiledOrInvalid(silence);
    if (mutesEverything(input.matchers)) invalid('matchers: at least one matcher must not match an empty value, or the silence would mute every alert');
    this.store.transaction(() => {
      this.store.silences.save(silence);
      this.#audit(input.createdBy, 'silence.create', silence, `${silence.kind} ${describeMatchers(silence)} from ${iso(startsMs)} to ${iso(endsMs)}: ${silence.reason}`);
    });
    this.#compiled.push(compiled);
    return view(silence, nowMs);
  }

  /** Ends it now. Expiring an expired silence changes nothing (idempotent). Throws NOT_FOUND. */
  expire(id: string, by: string): SilenceView {
    const nowMs = this.now();
    const stored = this.store.silences.get(id);
    if (!stored) throw new OpsError('OPS_ERR_NOT_FOUND', [`Silence ${id}`]);
    if (silenceState(stored, nowMs) === 'expired') return view(stored, nowMs);
    const expired: Silence = { ...stored, startsMs: Math.min(stored.startsMs, nowMs), endsMs: nowMs, expiredBy: by };
    this.store.transaction(() => {
      this.store.silences.save(expired);
      this.#audit(by, 'silence.expire', expired, `expired ${expired.kind} ${describeMatchers(expired)} (was to end ${iso(stored.endsMs)})`);
    });
    this.#compiled = this.#compiled.filter((c) => c.silence.id !== id);
    return view(expired, nowMs);
  }

  get(id: string): SilenceView {
    const silence = this.store.silences.get(id);
    if (!silence) throw new OpsError('OPS_ERR_NOT_FOUND', [`Silence ${id}`]);
    return view(silence, this.now());
  }

  list(limit: number): SilenceView[] {
    const nowMs = this.now();
    return this.store.silences.list(limit).map((silence) => view(silence, nowMs));
  }

  #load(): CompiledSilence[] {
    // Stored silences were validated on creation; one that no longer compiles is skipped, not fatal.
    return this.store.silences.unexpired(this.now()).flatMap((silence) => {
      try {
        return [compileSilence(silence)];
      } catch {
        return [];
      }
    });
  }

  #audit(actor: string, action: string, silence: Silence, detail: string): void {
    this.store.audit.append({ timeMs: this.now(), actor, action, subjectKind: SILENCE_SUBJECT, subjectId: silence.id, detail });
  }
}

export function describeMatchers(silence: Pick<Silence, 'matchers'>): string {
  return `{${silence.matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ')}}`;
}

function compiledOrInvalid(silence: Silence): CompiledSilence {
  try {
    return compileSilence(silence);
  } catch (error) {
    return invalid((error as Error).message);
  }
}

function view(silence: Silence, nowMs: number): SilenceView {
  return { ...silence, state: silenceState(silence, nowMs) };
}

function timeOf(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function invalid(message: string): never {
  throw new OpsError('OPS_ERR_VALIDATION', [message]);
}
