/**
 * Renders a runbook's templates at run time: liquid, sandboxed (no file access, own properties
 * only, unknown filters rejected, parse/render/memory limits) and strict, so a name that does
 * not resolve fails the step with the name instead of sending an empty string to a system.
 */
import { Liquid } from 'liquidjs';
import type { Alert } from '../../core/records.js';

export interface TemplateContext {
  incident?: Record<string, unknown>;
  alert?: Alert;
  inputs: Record<string, unknown>;
  /** Each finished step's output by step id. */
  steps: Record<string, unknown>;
  runbook?: { id: string; name: string };
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const liquid = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  strictVariables: true,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});

export function renderTemplate(template: string, context: TemplateContext): string {
  try {
    return liquid.parseAndRenderSync(template, context);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new TemplateError(`template ${JSON.stringify(template.length > 80 ? `${template.slice(0, 77)}...` : template)}: ${message}`);
  }
}
