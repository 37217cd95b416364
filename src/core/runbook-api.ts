/**
 * The HTTP contract of runbooks and their executions (docs/runbooks.md "API"): runbooks with
 * their YAML source and versions, executions with their step records, approvals, offers made
 * for incidents, and the kill switch. Shared by the server (validation + OpenAPI), the CLI and
 * web/ (types through z.infer). Inputs and step outputs are shown with secrets redacted.
 */
import { z } from 'zod';
import { ROLES } from './access.js';
import { ErrorResponseSchema } from './api.js';
import { STEP_TYPES } from './runbook.js';

export const RunbookIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a runbook id: lower-case letters, digits, "_" or "-"');

// --- Runbooks ----------------------------------------------------------------------------------

export const RunbookProblemSchema = z
  .object({
    source: z.string().describe('The file, or "api" for text sent to the API'),
    line: z.number().int(),
    column: z.number().int(),
    message: z.string(),
  })
  .describe('One problem of a runbook, at the line and column of the value at fault');
export type RunbookProblemView = z.infer<typeof RunbookProblemSchema>;

export const RunbookOriginSchema = z
  .enum(['file', 'api'])
  .describe('file: loaded from runbooks.dir at start, read-only through the API; api: created through the API, versioned');

export const RunbookSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  origin: RunbookOriginSchema,
  file: z.string().optional().describe('The file it was loaded from (origin file)'),
  version: z.number().int().positive().describe('1 for a file runbook; each API save adds one'),
  enabled: z.boolean().describe('A disabled runbook is kept but not offered, scheduled or started'),
  triggers: z.object({
    incident: z.string().optional(),
    alert: z.string().optional(),
    schedule: z.string().optional(),
    manual: z.boolean(),
  }),
  approvalRequired: z.boolean(),
  autoRun: z.boolean().describe('autoRun.enabled'),
  stepCount: z.number().int(),
  updatedMs: z.number(),
  updatedBy: z.string(),
});
export type RunbookSummary = z.infer<typeof RunbookSummarySchema>;

export const RunbookVersionSchema = z.object({
  version: z.number().int().positive(),
  createdMs: z.number(),
  createdBy: z.string(),
});
export type RunbookVersion = z.infer<typeof RunbookVersionSchema>;

export const RunbookDetailSchema = RunbookSummarySchema.extend({
  source: z.string().describe('The YAML text of this version'),
  inputs: z
    .record(z.string(), z.object({ type: z.enum(['string', 'number', 'boolean']), description: z.string().optional(), default: z.union([z.string(), z.number(), z.boolean()]).optional(), required: z.boolean() }))
    .describe('What an execution takes, for a start form'),
  steps: z.array(z.object({ id: z.string(), type: z.enum(STEP_TYPES), name: z.string().optional() })),
  rollback: z.array(z.object({ id: z.string(), type: z.enum(STEP_TYPES), name: z.string().optional() })),
  limits: z.object({ concurrent: z.number().int(), perTarget: z.number().int(), perHour: z.number().int() }),
  approval: z.object({ required: z.boolean(), roles: z.array(z.enum(ROLES)), users: z.array(z.string()), expiresMinutes: z.number(), fourEyes: z.boolean() }),
  versions: z.array(RunbookVersionSchema).describe('Newest first'),
});
export type RunbookDetail = z.infer<typeof RunbookDetailSchema>;

export const RunbookIdParamsSchema = z.object({ id: RunbookIdSchema });
export const RunbookVersionParamsSchema = z.object({ id: RunbookIdSchema, version: z.coerce.number().int().positive() });

export const RunbookSourceBodySchema = z.object({
  source: z.string().min(1, 'send the runbook as YAML text in "source"').max(200_000).describe('The runbook as YAML (docs/runbooks.md "The format")'),
});
export const RunbookEnabledBodySchema = z.object({ enabled: z.boolean() });

export const RunbookListResponseSchema = z.object({
  runbooks: z.array(RunbookSummarySchema),
  problems: z.array(RunbookProblemSchema).describe('Files in runbooks.dir that did not load, with file:line:column'),
});
export const RunbookResponseSchema = z.object({ runbook: RunbookDetailSchema });
export const RunbookDeleteResponseSchema = z.object({ deleted: z.string().describe('The id of the deleted runbook') });
export const RunbookVersionResponseSchema = z.object({ version: RunbookVersionSchema, source: z.string() });
export const RunbookValidateResponseSchema = z.object({ valid: z.boolean(), problems: z.array(RunbookProblemSchema) });
/** A 400 for YAML that does not load: the usual error shape plus every problem. */
export const RunbookProblemsErrorSchema = ErrorResponseSchema.extend({ problems: z.array(RunbookProblemSchema) });

// --- Executions --------------------------------------------------------------------------------

export const EXECUTION_STATUSES = ['queued', 'awaiting_approval', 'running', 'succeeded', 'failed', 'cancelled', 'rejected', 'expired'] as const;
export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;
/** Statuses an execution never leaves. */
export const FINAL_EXECUTION_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['succeeded', 'failed', 'cancelled', 'rejected', 'expired']);

export const ExecutionTriggerSchema = z
  .object({
    kind: z.enum(['manual', 'incident', 'alert', 'schedule', 'runbook']).describe('runbook: called by a step of another execution'),
    by: z.string().optional().describe('Who started it (manual)'),
    userId: z.string().optional().describe('The signed-in user who started it (manual), whatever token or session they used'),
    alertId: z.string().optional().describe('The alert whose trigger matched (alert)'),
    schedule: z.string().optional().describe('The cron pattern (schedule)'),
    parentExecutionId: z.string().optional().describe('The calling execution (runbook)'),
  })
  .describe('What started the execution');
export type ExecutionTrigger = z.infer<typeof ExecutionTriggerSchema>;

export const StepRecordSchema = z.object({
  stepId: z.string(),
  type: z.enum(STEP_TYPES),
  phase: z.enum(['main', 'rollback']),
  status: z.enum(['succeeded', 'failed', 'skipped', 'timed_out', 'cancelled']),
  attempts: z.number().int(),
  startedMs: z.number(),
  endedMs: z.number(),
  output: z.record(z.string(), z.unknown()).optional().describe('What later templates read as steps.<id>; secrets redacted. In a dry run: what would be done'),
  error: z.string().optional(),
});
export type StepRecordView = z.infer<typeof StepRecordSchema>;

export const ApprovalStateSchema = z.object({
  state: z.enum(['pending', 'approved', 'rejected', 'expired']),
  roles: z.array(z.enum(ROLES)).describe('Roles that may approve'),
  users: z.array(z.string()).describe('Or these users'),
  notBy: z.string().optional().describe('Four-eyes: the user (or actor) who started it, who may not approve it'),
  expiresMs: z.number().describe('Unapproved by then: the execution ends expired'),
  decidedBy: z.string().optional(),
  decidedMs: z.number().optional(),
  comment: z.string().optional(),
});
export type ApprovalState = z.infer<typeof ApprovalStateSchema>;

export const ExecutionSchema = z.object({
  id: z.string(),
  runbookId: z.string(),
  runbookName: z.string(),
  runbookVersion: z.number().int(),
  status: ExecutionStatusSchema,
  dryRun: z.boolean().describe('Every step rendered and reported, nothing done'),
  inputs: z.record(z.string(), z.unknown()).describe('Resolved inputs, secrets redacted'),
  target: z.string().optional().describe('What it acts on (runbook.target rendered), for per-target limits'),
  incidentId: z.string().optional(),
  trigger: ExecutionTriggerSchema,
  depth: z.number().int().describe('0, or how deep in runbook steps calling runbooks'),
  approval: ApprovalStateSchema.optional(),
  currentStep: z.string().optional().describe('The step in flight while running'),
  failedStep: z.string().optional(),
  error: z.string().optional().describe('Why it failed, was refused or cancelled'),
  createdMs: z.number(),
  startedMs: z.number().optional(),
  endedMs: z.number().optional(),
  steps: z.array(StepRecordSchema).describe('In the order they ended'),
});
export type Execution = z.infer<typeof ExecutionSchema>;

export const ExecutionStartBodySchema = z.object({
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}).describe('Checked against the runbook inputs; defaults fill the rest'),
  dryRun: z.boolean().default(false),
  incidentId: z.string().min(1).max(200).optional().describe('The incident it acts for: templates read it, the timeline tells it'),
});
export type ExecutionStartBody = z.input<typeof ExecutionStartBodySchema>;

export const ExecutionListQuerySchema = z.object({
  runbook: RunbookIdSchema.optional(),
  incident: z.string().min(1).max(200).optional(),
  status: z
    .string()
    .optional()
    .describe('Comma-separated statuses, e.g. awaiting_approval (the approval inbox)')
    .refine((text) => text === undefined || text.split(',').every((status) => (EXECUTION_STATUSES as readonly string[]).includes(status)), {
      message: `statuses are ${EXECUTION_STATUSES.join(', ')}`,
    }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const ExecutionIdParamsSchema = z.object({ id: z.string().min(1).max(200) });
export const ExecutionDecisionBodySchema = z.object({ comment: z.string().trim().max(2000).optional() });
export const ApprovalLinkParamsSchema = z.object({ token: z.string().min(1).max(1000) });
export const ApprovalLinkBodySchema = z.object({ decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(2000).optional() });

export const ExecutionListResponseSchema = z.object({ executions: z.array(ExecutionSchema).describe('Newest first') });
export const ExecutionResponseSchema = z.object({ execution: ExecutionSchema });

// --- Offers (triggers matched for an incident) --------------------------------------------------

export const RunbookOfferSchema = z
  .object({
    id: z.string(),
    runbookId: z.string(),
    incidentId: z.string(),
    by: z.enum(['incident', 'alert']).describe('Which trigger matched'),
    alertId: z.string().optional(),
    createdMs: z.number(),
    executionId: z.string().optional().describe('The execution started from it (auto-run or accepted); the latest, when a failed fix ran again'),
    alertsWhenEnded: z.number().int().optional().describe("The incident's alert count when that execution ended: once the incident has more, the fix settles nothing and may run again"),
    causeWhenEnded: z.string().optional().describe("The service of the incident's top cause when that execution ended: once RCA names another, the fix settles nothing and may run again"),
    decision: z.string().describe('Why it was offered rather than run, or that it was run'),
  })
  .describe('A runbook whose trigger matched an incident');
export type RunbookOffer = z.infer<typeof RunbookOfferSchema>;
export const IncidentOffersParamsSchema = z.object({ id: z.string().min(1).max(200) });
export const RunbookOfferListResponseSchema = z.object({ offers: z.array(RunbookOfferSchema) });

// --- Kill switch -------------------------------------------------------------------------------

export const KillSwitchSchema = z.object({
  engaged: z.boolean().describe('Engaged: running executions are cancelled and no new one starts'),
  reason: z.string().optional(),
  changedBy: z.string().optional(),
  changedMs: z.number().optional(),
});
export type KillSwitch = z.infer<typeof KillSwitchSchema>;
export const KillSwitchBodySchema = z.object({ engaged: z.boolean(), reason: z.string().trim().max(2000).optional() });
export const KillSwitchResponseSchema = z.object({ killSwitch: KillSwitchSchema, cancelled: z.number().int().optional().describe('Executions cancelled by engaging it') });
