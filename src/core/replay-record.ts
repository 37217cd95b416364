/**
 * One line of an `opsloop replay` file (docs/correlation.md "Replay format"): a recorded alert
 * event, or an operator's merge or split. Shared by the CLI and bench:correlate. Pure.
 */
import { z } from 'zod';
import { SeveritySchema } from './records.js';

/** Epoch milliseconds, or an ISO 8601 date-time with its zone. */
const TimeSchema = z.union([
  z.number().finite().nonnegative(),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

export const ReplayAlertSchema = z
  .object({
    time: TimeSchema.describe('Event time of this notification'),
    name: z.string().min(1),
    service: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).default({}),
    summary: z.string().default(''),
    status: z.enum(['firing', 'resolved']).default('firing'),
    severity: SeveritySchema.default('warning'),
    source: z.string().min(1).default('replay'),
    fingerprint: z.string().min(1).optional().describe('Deduplication key; default: source, name, service and labels'),
    label: z.string().min(1).optional().describe('The true group (e.g. the fault that caused it), for purity and completeness'),
  })
  .strict();
export type ReplayAlert = z.infer<typeof ReplayAlertSchema>;

export const ReplayFeedbackSchema = z
  .object({
    time: TimeSchema,
    feedback: z.enum(['merge', 'split']),
    alerts: z
      .array(z.string().min(1))
      .min(1)
      .describe('Fingerprints. merge: the incident of the first joins the incident of the last; split: these alerts leave their incident for a new one'),
    by: z.string().min(1).default('replay'),
  })
  .strict();
export type ReplayFeedback = z.infer<typeof ReplayFeedbackSchema>;

/** Service-graph edges known from this time on (a recording carries the topology it was made with). */
export const ReplayTopologySchema = z
  .object({
    time: TimeSchema,
    edges: z.array(z.object({ caller: z.string().min(1), callee: z.string().min(1) }).strict()).min(1),
  })
  .strict();
export type ReplayTopology = z.infer<typeof ReplayTopologySchema>;

export type ReplayLine = ReplayAlert | ReplayFeedback | ReplayTopology;

/** Validates one parsed JSON line; the kind is told by its key (`feedback`, `edges`, else an alert). */
export function parseReplayLine(value: unknown): ReplayLine {
  const has = (key: string) => typeof value === 'object' && value !== null && key in value;
  if (has('feedback')) return ReplayFeedbackSchema.parse(value);
  if (has('edges')) return ReplayTopologySchema.parse(value);
  return ReplayAlertSchema.parse(value);
}

export function isFeedback(line: ReplayLine): line is ReplayFeedback {
  return 'feedback' in line;
}

export function isTopology(line: ReplayLine): line is ReplayTopology {
  return 'edges' in line;
}

export function replayFingerprint(alert: ReplayAlert): string {
  if (alert.fingerprint) return alert.fingerprint;
  const labels = Object.keys(alert.labels)
    .sort()
    .map((key) => `${key}=${alert.labels[key]}`)
    .join(',');
  return `${alert.source}|${alert.name}|${alert.service ?? ''}|${labels}`;
}
