/**
 * Remediating a finding through the runbook engine (docs/findings.md "Remediation"): a
 * remediation task starts a runbook with the task's inputs (the ones the runbook declares),
 * under the runbook's own approvals, limits and audit; a real run moves the task's open and
 * triaged findings to in_remediation, naming the execution. The fix is verified by the next
 * scan of the target that no longer reports them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeTeam } from '../../core/access.js';
import { OpsError } from '../../core/errors.js';
import { PrioritisedFindingSchema } from '../../core/findings-api.js';
import { ExecutionSchema, ExecutionStartBodySchema, RunbookIdSchema } from '../../core/runbook-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { manualTrigger } from '../manual-trigger.js';

const RemediateBodySchema = z.object({
  runbook: RunbookIdSchema.describe('The remediation runbook to start'),
  inputs: ExecutionStartBodySchema.shape.inputs.describe("Overrides of the task's runbookInputs; only the runbook's declared inputs are passed"),
  dryRun: z.boolean().default(false),
});

const RemediateResponseSchema = z.object({
  execution: ExecutionSchema,
  findings: z.array(PrioritisedFindingSchema).describe('The findings moved to in_remediation (none for a dry run)'),
});

export const findingRemediationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.post(
    '/api/v1/findings/tasks/:id/remediate',
    {
      config: { permission: 'respond', audit: { action: 'finding.task.remediate', subjectKind: 'finding_task' } },
      schema: {
        summary: "Start a remediation runbook for a task: its inputs from the task's runbookInputs, its approvals and limits as for any execution",
        description:
          "The runbook gets the task's runbookInputs (service, package, ecosystem, fixedVersion, image or repository) that it declares as inputs, overridden by `inputs`. Unless it is a dry run, the task's open and triaged findings move to in_remediation with the execution's id as the reason. 404 for an unknown or hidden task or runbook, 409 when the runbook refuses (limits, kill switch, disabled).",
        tags: ['findings'],
        params: z.object({ id: z.string().min(1).max(200).describe('Remediation task id (GET /api/v1/findings/tasks)') }),
        body: RemediateBodySchema,
        response: { 200: RemediateResponseSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { principal } = request;
      const task = engine.findings.tasks().find((t) => t.id === request.params.id);
      if (task === undefined || !canSeeTeam(principal, task.team)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Remediation task ${request.params.id}`]);
      const { runbook } = engine.runbooks.catalog.require(request.body.runbook);
      const offered = { ...task.runbookInputs, ...request.body.inputs };
      const inputs = Object.fromEntries(Object.entries(offered).filter(([name]) => Object.hasOwn(runbook.inputs, name)));
      const execution = engine.runbooks.executions.start(runbook.id, { inputs, dryRun: request.body.dryRun }, manualTrigger(principal));
      if (request.body.dryRun) return { execution, findings: [] };
      const reason = `remediation runbook ${runbook.id}, execution ${execution.id}`;
      const findings = task.findingIds
        .filter((id) => ['open', 'triaged'].includes(engine.findings.get(id)?.status ?? ''))
        .map((id) => engine.findings.patch(id, { status: 'in_remediation', reason, by: principal.actor }));
      return { execution, findings };
    },
  );
};
