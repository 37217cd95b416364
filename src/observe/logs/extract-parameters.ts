/**
 * Parameter extraction: the values a message puts in its template's `<*>` slots. Pure.
 *
 * The template is turned into an anchored regular expression (literal text escaped, each
 * `<*>` a lazy group, whitespace runs matching any whitespace), as Drain3 does for
 * `extract_parameters`. It runs on the original message, not the masked one, so the values are
 * what the service wrote. Cost: one regex compile per template text (callers cache), then
 * linear in the message for ordinary templates.
 */
import { WILDCARD } from './masks.js';

function escape(literal: string): string {
  return literal
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

export function parameterPattern(template: string): RegExp {
  const body = template.split(WILDCARD).map(escape).join('(.*?)');
  return new RegExp(`^\\s*${body}\\s*$`, 's');
}

/** The values in order, or undefined when the message does not fit the template. */
export function extractParameters(template: string | RegExp, message: string): string[] | undefined {
  const pattern = typeof template === 'string' ? parameterPattern(template) : template;
  const match = pattern.exec(message);
  return match ? match.slice(1).map((value) => value ?? '') : undefined;
}
