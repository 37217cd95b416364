/**
 * A runbook as written (docs/runbooks.md): YAML files in the runbooks directory or the API,
 * validated by this schema. Strings marked "template" are liquid, rendered with `incident`,
 * `alert`, `inputs`, `steps` (earlier steps' outputs) and `runbook`; conditions are CEL over the
 * same names. Pure: shared by the loader, the server, the CLI and web/.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { ROLES } from './access.js';
import { CelExpressionSchema } from './cel-expression.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "_" or "-" (1-64), starting with a letter or digit');
/** Step ids and input names appear in templates (`steps.restart.status`), so they are identifiers. */
const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and "_" (1-64), not starting with a digit');
const Template = z.string().max(10_000);
const Seconds = (max: number) => z.number().positive().max(max);

const CronSchema = z.string().superRefine((pattern, context) => {
  try {
    new Cron(pattern, { paused: true });
  } catch (error) {
    context.addIssue({ code: 'custom', message: `is not a cron pattern (${error instanceof Error ? error.message : String(error)}): ${pattern}` });
  }
});

export const RunbookInputSchema = z
  .object({
    type: z.enum(['string', 'number', 'boolean']),
    description: z.string().max(500).optional(),
    /** A literal, or for strings a template rendered when the execution starts. */
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    required: z.boolean().default(false),
  })
  .strict()
  .refine((input) => input.default === undefined || typeof input.default === input.type || (input.type !== 'string' && typeof input.default === 'string'), {
    message: 'default must have the input type (or be a template)',
  });

const RetrySchema = z
  .object({
    max: z.number().int().min(0).max(10).default(0).describe('Attempts after the first'),
    backoffSeconds: Seconds(600).default(2).describe('Wait before the first retry; doubles each time'),
  })
  .strict();

/** What every step may say besides its type. */
const StepCommon = {
  id: Identifier,
  name: z.string().max(200).optional(),
  if: CelExpressionSchema.optional().describe('Run only when this holds; skipped otherwise'),
  timeoutSeconds: Seconds(3600).optional().describe('Default 60 (wait and verify: their own limit)'),
  retries: RetrySchema.optional(),
  continueOnFailure: z.boolean().default(false),
};

const HttpStep = z
  .object({
    ...StepCommon,
    type: z.literal('http'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
    url: Template.describe('template'),
    headers: z.record(z.string(), Template).default({}),
    body: Template.optional().describe('template'),
    expectStatus: z.array(z.number().int().min(100).max(599)).min(1).default([200, 201, 202, 204]),
  })
  .strict();

const ExecStep = z
  .object({
    ...StepCommon,
    type: z.literal('exec'),
    executor: Id.describe('A command configured under runbooks.executors: only those run'),
    args: z.array(Template).max(100).default([]).describe('templates; passed as arguments, never through a shell'),
  })
  .strict();

const WaitStep = z
  .object({ ...StepCommon, type: z.literal('wait'), seconds: Seconds(86_400) })
  .strict();

const VerifyConditionSchema = z.union([
  z
    .object({
      alertsResolved: z.union([
        z.literal(true).describe("All the incident's alerts"),
        z
          .object({
            service: Template.optional().describe(
              "Only the incident's alerts about this service: its own, and its callers' on their calls to it; all of the incident's alerts when none is about it",
            ),
            forSeconds: Seconds(3600).optional().describe('And they stay resolved this long: a fault that is only held off for a moment fails the check'),
          })
          .strict(),
      ]),
    })
    .strict()
    .describe("The incident's alerts have resolved"),
  z
    .object({
      metric: z
        .object({
          name: z.string().min(1),
          service: Template.optional(),
          below: z.number().optional(),
          above: z.number().optional(),
          forSeconds: Seconds(3600).default(60).describe('Holds over this much of the latest data'),
        })
        .strict()
        .refine((metric) => (metric.below === undefined) !== (metric.above === undefined), { message: 'give exactly one of below, above' }),
    })
    .strict(),
  z
    .object({
      logs: z
        .object({ query: Template, service: Template.optional(), absentForSeconds: Seconds(3600).default(60) })
        .strict()
        .describe('No log line matches the query for this long'),
    })
    .strict(),
]);

const VerifyStep = z
  .object({
    ...StepCommon,
    type: z.literal('verify'),
    condition: VerifyConditionSchema,
    withinSeconds: Seconds(3600).default(300).describe('Fails when the condition does not hold by then'),
  })
  .strict();

const NotifyStep = z
  .object({ ...StepCommon, type: z.literal('notify'), channel: Id.optional().describe("A channel id; default the incident's routing"), text: Template })
  .strict();

const IncidentStep = z
  .object({
    ...StepCommon,
    type: z.literal('incident'),
    note: Template.optional(),
    status: z.enum(['acknowledge', 'resolve']).optional(),
  })
  .strict()
  .refine((step) => step.note !== undefined || step.status !== undefined, { message: 'give a note, a status or both' });

const CallStep = z
  .object({ ...StepCommon, type: z.literal('runbook'), runbook: Id, inputs: z.record(Identifier, z.union([Template, z.number(), z.boolean()])).default({}) })
  .strict();

export const STEP_TYPES = ['http', 'exec', 'wait', 'verify', 'notify', 'incident', 'runbook'] as const;
export const RunbookStepSchema = z.discriminatedUnion('type', [HttpStep, ExecStep, WaitStep, VerifyStep, NotifyStep, IncidentStep, CallStep]);
export type RunbookStep = z.infer<typeof RunbookStepSchema>;

export const RunbookSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    description: z.string().max(5_000).optional(),
    triggers: z
      .object({
        incident: CelExpressionSchema.optional().describe('Offered (or run) for incidents where this holds'),
        alert: CelExpressionSchema.optional().describe('Offered for incidents with an alert where this holds'),
        schedule: CronSchema.optional().describe('Runs on this cron schedule (croner syntax)'),
        manual: z.boolean().default(true),
      })
      .strict()
      .default({ manual: true }),
    inputs: z.record(Identifier, RunbookInputSchema).default({}),
    /** What one execution acts on, for blast-radius limits, e.g. "{{ inputs.service }}". */
    target: Template.optional(),
    limits: z
      .object({
        concurrent: z.number().int().min(1).max(100).default(1).describe('Executions of this runbook at once'),
        perTarget: z.number().int().min(1).max(100).default(1).describe('Executions at once on one target'),
        perHour: z.number().int().min(1).max(1000).default(6).describe('Executions started in any hour'),
      })
      .strict()
      .default({ concurrent: 1, perTarget: 1, perHour: 6 }),
    approval: z
      .object({
        required: z.boolean().default(true),
        roles: z.array(z.enum(ROLES)).default(['responder', 'admin']).describe('Who may approve'),
        users: z.array(z.string()).default([]).describe('Or these users'),
        expiresMinutes: z.number().positive().max(10_080).default(60),
        fourEyes: z.boolean().default(false).describe('Whoever started an execution by hand may not approve it (needs sign-in: with it off nobody is told apart)'),
      })
      .strict()
      .default({ required: true, roles: ['responder', 'admin'], users: [], expiresMinutes: 60, fourEyes: false }),
    autoRun: z
      .object({
        enabled: z.boolean().default(false),
        minConfidence: z.number().min(0).max(1).default(0.8).describe('Least learned success on similar incidents'),
      })
      .strict()
      .default({ enabled: false, minConfidence: 0.8 }),
    timeoutSeconds: Seconds(86_400).default(1800).describe('The whole execution'),
    steps: z.array(RunbookStepSchema).min(1).max(100),
    rollback: z.array(RunbookStepSchema).max(100).default([]).describe('Run in order when a step fails'),
  })
  .strict();
export type Runbook = z.infer<typeof RunbookSchema>;
