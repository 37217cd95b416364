/**
 * Operators' grouping rules (config `correlation.rules`), compiled once. `separate` and a
 * `groupBy` whose labels differ veto a join; `join` and a `groupBy` whose labels agree force
 * one (within the time window). Vetoes are checked before joins, so a rule that keeps two
 * clusters apart always wins over a rule that would join them. A CEL expression that fails to
 * evaluate (a label the alert does not have) does not match; `has(alert.labels.x)` guards. Pure.
 */
import { parse } from '@marcbachmann/cel-js';
import type { CorrelationRule } from '../../core/config.js';
import type { CorrelatedAlert, IncidentProfile } from './incident-profile.js';

export interface RuleVerdict {
  effect: 'join' | 'separate';
  rule: string;
}

type Predicate = (context: Record<string, unknown>) => unknown;

interface CompiledRule {
  name: string;
  effect: 'join' | 'separate' | 'group';
  predicate?: Predicate;
  keys?: readonly string[];
}

export class GroupingRules {
  private readonly rules: CompiledRule[];

  /** Rules come from the validated config; an expression that does not parse throws here. */
  constructor(rules: readonly CorrelationRule[]) {
    this.rules = rules.map((rule): CompiledRule => {
      if (rule.groupBy) return { name: rule.name, effect: 'group', keys: rule.groupBy };
      const effect = rule.join !== undefined ? 'join' : 'separate';
      return { name: rule.name, effect, predicate: parse(rule.join ?? rule.separate ?? 'false') as Predicate };
    });
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  judge(alert: CorrelatedAlert, incident: IncidentProfile, gapMs: number): RuleVerdict | undefined {
    if (this.rules.length === 0) return undefined;
    const incidentLabels = incident.commonLabels();
    let context: Record<string, unknown> | undefined;
    let join: RuleVerdict | undefined;
    for (const rule of this.rules) {
      let effect: 'join' | 'separate' | undefined;
      if (rule.keys) {
        effect = groupEffect(rule.keys, alert.labels, incidentLabels);
      } else if (rule.predicate) {
        context ??= celContext(alert, incident, incidentLabels, gapMs);
        if (holds(rule.predicate, context)) effect = rule.effect === 'join' ? 'join' : 'separate';
      }
      if (effect === 'separate') return { effect, rule: rule.name };
      if (effect === 'join') join ??= { effect, rule: rule.name };
    }
    return join;
  }
}

/** Alertmanager's group_by, as a verdict: differing values part, agreeing values join, a missing one says nothing. */
function groupEffect(keys: readonly string[], alert: Readonly<Record<string, string>>, incident: Readonly<Record<string, string>>): 'join' | 'separate' | undefined {
  let agree = true;
  for (const key of keys) {
    const mine = alert[key];
    const theirs = incident[key];
    if (mine === undefined || theirs === undefined) agree = false;
    else if (mine !== theirs) return 'separate';
  }
  return agree ? 'join' : undefined;
}

function holds(predicate: Predicate, context: Record<string, unknown>): boolean {
  try {
    return predicate(context) === true;
  } catch {
    return false;
  }
}

function celContext(alert: CorrelatedAlert, incident: IncidentProfile, labels: Record<string, string>, gapMs: number): Record<string, unknown> {
  return {
    alert: {
      name: alert.name,
      source: alert.source,
      severity: alert.severity,
      summary: alert.summary,
      service: alert.service ?? '',
      labels: alert.labels,
    },
    incident: { id: incident.id, services: [...incident.services], labels, alerts: incident.alerts, firing: incident.firing },
    gapSeconds: gapMs / 1000,
  };
}
