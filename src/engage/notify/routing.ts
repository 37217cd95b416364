/**
 * Routing: which rules, and so which channels and escalation policy, an incident event goes
 * to. Rules run in order; the first that matches stops the walk unless it says `continue`
 * (Alertmanager's route semantics, flattened to one level). A rule matches when its event list
 * has the event, every label matcher holds and its CEL expression, if any, is true. Pure.
 */
import { parse } from '@marcbachmann/cel-js';
import type { IncidentEventKind, RoutingRule } from '../../core/notify-api.js';
import { matches, parseMatcher, type LabelMatcher, type MatchContext } from './label-matcher.js';

export interface CompiledRule {
  rule: RoutingRule;
  matchers: LabelMatcher[];
  cel?: (context: Record<string, unknown>) => unknown;
}

export class RuleError extends Error {
  override readonly name = 'RuleError';
}

/** Compiles a rule's matchers and CEL; throws RuleError naming the rule and the fault. */
export function compileRule(rule: RoutingRule): CompiledRule {
  let matchers: LabelMatcher[];
  try {
    matchers = rule.matchers.map(parseMatcher);
  } catch (error) {
    throw new RuleError(`rule ${rule.id}: ${(error as Error).message}`);
  }
  if (rule.cel === undefined) return { rule, matchers };
  try {
    return { rule, matchers, cel: parse(rule.cel) };
  } catch (error) {
    throw new RuleError(`rule ${rule.id}: CEL ${(error as Error).message}`);
  }
}

/** What routing sees: the event, label values (service may hold several) and the CEL variables. */
export interface RoutingInput {
  event: IncidentEventKind;
  labels: MatchContext;
  variables: Record<string, unknown>;
}

export interface RouteMatch {
  rule: RoutingRule;
}

/** The matching rules, in order; `onCelError` hears of an expression that failed on this input (it counts as no match). */
export function route(rules: readonly CompiledRule[], input: RoutingInput, onCelError?: (ruleId: string, error: Error) => void): RouteMatch[] {
  const matched: RouteMatch[] = [];
  for (const compiled of [...rules].sort(byOrder)) {
    const { rule } = compiled;
    if (!rule.enabled || !rule.events.some((event) => event === input.event)) continue;
    if (!compiled.matchers.every((m) => matches(m, input.labels))) continue;
    if (compiled.cel && !celHolds(compiled, input.variables, onCelError)) continue;
    matched.push({ rule });
    if (!rule.continue) break;
  }
  return matched;
}

function celHolds(compiled: CompiledRule, variables: Record<string, unknown>, onError?: (ruleId: string, error: Error) => void): boolean {
  try {
    return compiled.cel?.(variables) === true;
  } catch (error) {
    // A missing label (labels.team when there is none) throws in CEL; that is a non-match, not an outage.
    onError?.(compiled.rule.id, error as Error);
    return false;
  }
}

function byOrder(a: CompiledRule, b: CompiledRule): number {
  return a.rule.order - b.rule.order || a.rule.id.localeCompare(b.rule.id);
}

/** Whether an event may be sent now: only "updated" is throttled, the rest always go. */
export function throttleAllows(event: IncidentEventKind, lastSentMs: number | undefined, nowMs: number, throttleSeconds: number): boolean {
  if (event !== 'updated' || lastSentMs === undefined) return true;
  return nowMs - lastSentMs >= throttleSeconds * 1000;
}
