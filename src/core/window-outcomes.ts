/**
 * What the store sums over a time window for root-cause analysis of it (WindowRepository), and
 * act/rca turns into symptoms. Plain types, no I/O.
 */

/**
 * Spans of a window summed per service, instance and, for outgoing calls, the callee. An own
 * error is a failed span none of whose children failed: the failure arose in that span's own
 * time (for an outgoing span: in the call, as the caller saw it). An unanswered call is a
 * failed outgoing span with no child at all (the callee never reported it: crashed,
 * unreachable, or uninstrumented).
 */
export interface SpanOutcome {
  service: string;
  instance?: string;
  /** Set for outgoing (client, producer) spans whose callee is known. */
  peer?: string;
  spans: number;
  errors: number;
  ownErrors: number;
  unansweredCalls: number;
  /** Sum over the spans of their own time: duration minus their children's, at least 0. */
  selfMs: number;
  /**
   * Successful spans reporting `http.response.body.size`, and the sum of ln(1 + size): sizes are
   * compared by their geometric mean, which a share of spoilt answers moves far while a few
   * huge ones do not.
   */
  bodies: number;
  bodyLogBytes: number;
  firstOwnErrorMs?: number;
}

/** Logs of one template and instance in a window. */
export interface TemplateCount {
  service: string;
  instance?: string;
  templateId: string;
  template?: string;
  count: number;
  firstMs: number;
}
