/**
 * Checks on notification configuration that zod cannot make: rules' matchers and CEL compile,
 * templates parse, and every id a record refers to exists. Each failure is an OpsError 400
 * naming the field and the value.
 */
import type { Channel, EscalationPolicy, MessageTemplate, NotifyConfigKind, RoutingRule, Schedule } from '../core/notify-api.js';
import { OpsError } from '../core/errors.js';
import { compileRule } from '../engage/notify/routing.js';
import { checkTemplate, TemplateError } from '../engage/notify/templates.js';
import type { NotifyRepository } from '../store/store.js';

export function checkRule(rule: RoutingRule, repo: NotifyRepository): void {
  try {
    compileRule(rule);
  } catch (error) {
    throw invalid((error as Error).message);
  }
  checkTemplateField('body.template', rule.template);
  rule.channels.forEach((id, index) => mustExist(repo, 'channel', id, `body.channels[${index}]`));
  if (rule.escalationPolicy) mustExist(repo, 'policy', rule.escalationPolicy, 'body.escalationPolicy');
}

export function checkChannel(channel: Channel): void {
  checkTemplateField('body.template', channel.template);
}

export function checkPolicy(policy: EscalationPolicy, repo: NotifyRepository): void {
  policy.levels.forEach((level, l) =>
    level.targets.forEach((target, t) => mustExist(repo, target.type === 'channel' ? 'channel' : target.type, target.id, `body.levels[${l}].targets[${t}]`)),
  );
}

export function checkSchedule(schedule: Schedule, repo: NotifyRepository): void {
  schedule.layers.forEach((layer, l) => layer.users.forEach((id, u) => mustExist(repo, 'user', id, `body.layers[${l}].users[${u}]`)));
  schedule.overrides.forEach((override, o) => mustExist(repo, 'user', override.userId, `body.overrides[${o}].userId`));
  schedule.layers.forEach((layer, l) => {
    if (layer.end !== undefined && layer.end <= layer.start) throw invalid(`body.layers[${l}].end (${layer.end}) is not after start (${layer.start})`);
  });
}

/** A TemplateError as a 400 naming the field, the part and the line. */
export function templateProblem(field: string, error: TemplateError): OpsError {
  return invalid(`${field}.${error.message}`);
}

function checkTemplateField(field: string, template: MessageTemplate | undefined): void {
  if (!template) return;
  try {
    checkTemplate(template);
  } catch (error) {
    if (error instanceof TemplateError) throw templateProblem(field, error);
    throw error;
  }
}

function mustExist(repo: NotifyRepository, kind: NotifyConfigKind, id: string, field: string): void {
  const noun = kind === 'policy' ? 'escalation policy' : kind;
  if (!repo.get(kind, id)) throw invalid(`${field}: ${noun} "${id}" does not exist`);
}

function invalid(message: string): OpsError {
  return new OpsError('OPS_ERR_VALIDATION', [message]);
}
