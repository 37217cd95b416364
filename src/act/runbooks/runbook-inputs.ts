/**
 * An execution's inputs (docs/runbooks.md "Inputs"): what the caller gave, checked against the
 * declared types, and defaults (literals, or templates rendered against the incident) for the
 * rest. A required input with neither is an error naming it, before anything runs. Pure.
 */
import type { Runbook } from '../../core/runbook.js';
import { renderTemplate, type TemplateContext } from './render-template.js';

export type InputValue = string | number | boolean;

export class InputsError extends Error {
  override readonly name = 'InputsError';
}

export function resolveInputs(runbook: Runbook, given: Readonly<Record<string, unknown>>, context: Omit<TemplateContext, 'inputs' | 'steps'>): Record<string, InputValue> {
  const unknown = Object.keys(given).filter((name) => !Object.hasOwn(runbook.inputs, name));
  if (unknown.length > 0) throw new InputsError(`runbook ${runbook.id} has no input(s) ${unknown.join(', ')}`);
  const inputs: Record<string, InputValue> = {};
  for (const [name, spec] of Object.entries(runbook.inputs)) {
    const value = Object.hasOwn(given, name) ? given[name] : spec.default;
    if (value === undefined) {
      if (spec.required) throw new InputsError(`input ${name} is required and has no default`);
      continue;
    }
    inputs[name] = coerce(name, spec.type, typeof value === 'string' && !Object.hasOwn(given, name) ? renderTemplate(value, { ...context, inputs: {}, steps: {} }) : value);
  }
  return inputs;
}

function coerce(name: string, type: 'string' | 'number' | 'boolean', value: unknown): InputValue {
  if (typeof value === type) return value as InputValue;
  // Rendered defaults are text: "3" is the number 3 for a number input.
  if (typeof value === 'string' && type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof value === 'string' && type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  throw new InputsError(`input ${name} must be a ${type}, got ${JSON.stringify(value)}`);
}
