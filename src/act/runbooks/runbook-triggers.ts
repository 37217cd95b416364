/**
 * Which runbooks apply to an incident (docs/runbooks.md "Triggers"): those whose
 * `triggers.incident` CEL holds for the incident, or whose `triggers.alert` holds for one of its
 * alerts. Both see `incident` and `changes` (the changes recorded just before it: a deploy
 * before the symptoms says "roll back" where the symptoms alone cannot). An expression that
 * fails on an input (a label the alert lacks) is a non-match, told to `onError`, never an
 * outage. Pure.
 */
import { parse } from '@marcbachmann/cel-js';
import type { Alert, Change, Incident } from '../../core/records.js';
import type { Runbook } from '../../core/runbook.js';

type CelProgram = ReturnType<typeof parse>;

export interface CompiledRunbook {
  runbook: Runbook;
  incident?: CelProgram;
  alert?: CelProgram;
}

/** What triggers are evaluated over. */
export interface TriggerContext {
  incident: Incident;
  alerts: readonly Alert[];
  /** Changes recorded from a while before the incident started until just after (src/app/runbooks/trigger-context.ts). */
  changes: readonly Change[];
}

export interface TriggerMatch {
  runbook: Runbook;
  /** What matched: the incident itself, or one of its alerts. */
  by: 'incident' | 'alert';
  alertId?: string;
}

/** The schema has checked that the expressions parse, so this does not throw for a loaded runbook. */
export function compileRunbook(runbook: Runbook): CompiledRunbook {
  const { incident, alert } = runbook.triggers;
  return { runbook, ...(incident !== undefined ? { incident: parse(incident) } : {}), ...(alert !== undefined ? { alert: parse(alert) } : {}) };
}

export function matchingRunbooks(
  runbooks: readonly CompiledRunbook[],
  context: TriggerContext,
  onError?: (runbookId: string, error: Error) => void,
): TriggerMatch[] {
  const { incident, alerts, changes } = context;
  const matches: TriggerMatch[] = [];
  for (const compiled of runbooks) {
    const holds = (program: CelProgram, variables: Record<string, unknown>) => {
      try {
        return program(variables) === true;
      } catch (error) {
        onError?.(compiled.runbook.id, error instanceof Error ? error : new Error(String(error)));
        return false;
      }
    };
    if (compiled.incident && holds(compiled.incident, { incident, changes })) {
      matches.push({ runbook: compiled.runbook, by: 'incident' });
      continue;
    }
    const alert = compiled.alert ? alerts.find((candidate) => holds(compiled.alert as CelProgram, { incident, changes, alert: candidate })) : undefined;
    if (alert) matches.push({ runbook: compiled.runbook, by: 'alert', alertId: alert.id });
  }
  return matches;
}
