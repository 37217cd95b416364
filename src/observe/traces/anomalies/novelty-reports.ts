/** Reports of the novelty watches (novelty-watch.ts): new error types and new calls in words. Pure. */
import { operationText, traceText } from './anomaly-text.js';
import type { NoveltyChange } from './novelty-watch.js';
import type { OperationRef, TraceAnomaly } from './trace-anomaly.js';

export interface NewThing {
  key: string;
  op: OperationRef;
  /** The error type or the callee. */
  what: string;
}

/** Hits that make a new error type an error rather than a warning: most requests failing a new way. */
const ERROR_HITS = 50;

/** 3 hits are 0.39, 15 are 0.63, 63 are 0.78: more spans, surer, saturating. */
function strengthOfHits(hits: number): number {
  return 1 - Math.exp(-Math.log2(1 + hits) / 4);
}

function base(change: NoveltyChange<NewThing>, nowMs: number) {
  const { novelty, step } = change;
  const first = novelty.exemplars[0];
  return {
    status: step === 'closed' ? ('resolved' as const) : ('firing' as const),
    key: novelty.subject.key,
    operation: novelty.subject.op,
    startMs: novelty.firstMs,
    timeMs: step === 'closed' ? novelty.lastMs : step === 'opened' ? novelty.firstMs : nowMs,
    strength: strengthOfHits(novelty.hits),
    observed: novelty.hits,
    usual: 0,
    spans: novelty.hits,
    exemplars: novelty.exemplars,
    exemplarText: first ? `; ${traceText(first.traceId)}` : '',
  };
}

export function newErrorReport(change: NoveltyChange<NewThing>, nowMs: number): TraceAnomaly {
  const { exemplarText, ...report } = base(change, nowMs);
  const { op, what } = change.novelty.subject;
  const hits = change.novelty.hits;
  return {
    ...report,
    kind: 'new_error_type',
    errorType: what,
    severity: hits >= ERROR_HITS ? 'error' : 'warning',
    summary:
      change.step === 'closed'
        ? `${operationText(op)}: error type "${what}" no longer new`
        : `${operationText(op)}: new error type "${what}" on ${hits} span${hits === 1 ? '' : 's'}${exemplarText}`,
  };
}

export function newCallReport(change: NoveltyChange<NewThing>, nowMs: number): TraceAnomaly {
  const { exemplarText, ...report } = base(change, nowMs);
  const { op, what } = change.novelty.subject;
  const hits = change.novelty.hits;
  return {
    ...report,
    kind: 'new_call',
    callee: what,
    // A new call is a change in behaviour, not a failure by itself: context for RCA and people.
    severity: 'info',
    summary:
      change.step === 'closed'
        ? `${operationText(op)}: calls to ${what} no longer new`
        : `${operationText(op)}: new call to ${what} from ${hits} request${hits === 1 ? '' : 's'}${exemplarText}`,
  };
}
