/**
 * Automation coverage, success and toil avoided. Runbooks do not exist yet (src/act/runbooks),
 * so nothing records an execution: the figures are zero and say so, in the shape the runbook
 * executor will fill (one execution list in, these figures out). Pure.
 */
import type { Automation } from '../../core/report-api.js';

/** One finished runbook execution, as the executor will record it. */
export interface RunbookExecution {
  incidentId?: string;
  status: 'succeeded' | 'failed';
  /** The runbook's declared manual duration: what a person would have spent doing it by hand. */
  manualMinutes: number;
}

export function automationFigures(executions: readonly RunbookExecution[], incidents: number): Automation {
  const succeeded = executions.filter((e) => e.status === 'succeeded');
  const failed = executions.length - succeeded.length;
  const incidentsAutomated = new Set(executions.flatMap((e) => (e.incidentId === undefined ? [] : [e.incidentId]))).size;
  return {
    runbookExecutions: executions.length,
    incidentsAutomated,
    coverage: incidents === 0 ? 0 : Math.min(1, incidentsAutomated / incidents),
    succeeded: succeeded.length,
    failed,
    ...(executions.length > 0 ? { successRate: succeeded.length / executions.length } : {}),
    // Only a run that worked saved anyone the manual work.
    toilAvoidedHours: succeeded.reduce((hours, e) => hours + e.manualMinutes / 60, 0),
    note: executions.length === 0 ? 'no runbook executions recorded' : `${executions.length} runbook executions recorded`,
  };
}
