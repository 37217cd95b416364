/**
 * Symptoms from the error logs of a time window: templates that are new or far more frequent
 * than in the stretch before it. Pure.
 */
import type { TemplateCount } from '../../core/window-outcomes.js';
import { strengthOfDeviation, type Symptom } from './symptom.js';

export interface LogWindow {
  window: readonly TemplateCount[];
  baseline: readonly TemplateCount[];
  windowMs: number;
  baselineMs: number;
}

/** Fewer lines than this is anecdote, not evidence. */
const MIN_LINES = 3;
/** Least deviation (in Poisson standard errors of the usual count) worth a symptom. */
const MIN_Z = 4;
const TEMPLATE_CHARS = 80;

export function logSymptoms(input: LogWindow): Symptom[] {
  // Usual counts per service and template: instances come and go.
  const usual = new Map<string, number>();
  for (const row of input.baseline) {
    const key = `${row.service}\u0000${row.templateId}`;
    usual.set(key, (usual.get(key) ?? 0) + row.count);
  }
  const scale = input.baselineMs > 0 ? input.windowMs / input.baselineMs : 0;
  const symptoms: Symptom[] = [];
  for (const row of input.window) {
    if (row.count < MIN_LINES) continue;
    const before = usual.get(`${row.service}\u0000${row.templateId}`) ?? 0;
    const expected = before * scale;
    // One line of slack so a template never seen before does not divide by 0.
    const z = (row.count - expected) / Math.sqrt(expected + 1);
    if (z < MIN_Z) continue;
    const text = `"${cut(row.template ?? row.templateId)}"`;
    const usualText = before === 0 ? 'none in the stretch before' : `usually ${expected.toFixed(1)} in as long`;
    symptoms.push({
      service: row.service,
      ...(row.instance ? { instance: row.instance } : {}),
      seenByCaller: false,
      name: before === 0 ? 'new error logs' : 'error logs surge',
      summary: `${row.count} error logs ${text} (${usualText})`,
      startsMs: row.firstMs,
      strength: strengthOfDeviation(z),
      resource: false,
    });
  }
  return symptoms;
}

function cut(text: string): string {
  return text.length <= TEMPLATE_CHARS ? text : `${text.slice(0, TEMPLATE_CHARS - 1)}…`;
}
