/**
 * The log evidence of a signal: which templates, over which window, and the GET /api/v1/logs
 * query that lists the lines, so the UI and incidents can jump to them. Samples are left empty
 * here (reading them is I/O); the app fills them from the store with the same filters. Pure.
 */
import type { LogEvidence } from '../../../core/records.js';
import type { TemplateCount } from './recent-log-buckets.js';

/** Templates named per signal: an error burst is usually one or two, rarely more worth reading. */
const MAX_TEMPLATES = 3;

export interface LogLines {
  service: string;
  templates: readonly TemplateCount[];
  fromMs: number;
  /** Absent: up to now (a new template's lines since it appeared). */
  toMs?: number;
  /** Only lines at or above this OTLP severity number. */
  minSeverity?: number;
}

export function logEvidence(lines: LogLines): LogEvidence {
  const templates = lines.templates.slice(0, MAX_TEMPLATES).map((t) => ({ ...t }));
  return {
    service: lines.service,
    templates,
    fromMs: lines.fromMs,
    ...(lines.toMs !== undefined ? { toMs: lines.toMs } : {}),
    ...(lines.minSeverity !== undefined ? { minSeverity: lines.minSeverity } : {}),
    query: logSearchPath(lines, templates.length === 1 ? templates[0]?.templateId : undefined),
    samples: [],
  };
}

/** GET /api/v1/logs with the filters of `lines`; one template narrows it to that template. */
function logSearchPath(lines: LogLines, templateId: string | undefined): string {
  const query = new URLSearchParams({ service: lines.service });
  if (templateId !== undefined) query.set('templateId', templateId);
  if (lines.minSeverity !== undefined) query.set('minSeverity', String(lines.minSeverity));
  query.set('from', String(lines.fromMs));
  if (lines.toMs !== undefined) query.set('to', String(lines.toMs));
  return `/api/v1/logs?${query.toString()}`;
}
