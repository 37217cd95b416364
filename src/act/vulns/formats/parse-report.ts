/** Validation of a report against its format's schema, failing with the path of the first bad field. */
import type { z } from 'zod';
import { ReportFormatError } from '../observation.js';

export function parseReport<S extends z.ZodType>(schema: S, report: unknown, formatName: string): z.infer<S> {
  const result = schema.safeParse(report);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = ['report', ...(issue?.path ?? []).map(String)].reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : `${out}.${segment}`));
  const message = (issue?.message ?? 'is invalid').replace(/^Invalid input: /, '');
  throw new ReportFormatError(path, `${message} (not a valid ${formatName} report)`);
}

/** Splits "1.2.3, 1.3.1" (Trivy's FixedVersion) into versions. */
export function splitVersions(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text.split(/[,\s]+/).map((v) => v.trim()).filter((v) => v !== '');
}

/** The CVSS version of a vector string by its prefix (CVSS:3.1/, CVSS:4.0/); v2 vectors have none. */
export function cvssVersionOf(vector: string): '2.0' | '3.0' | '3.1' | '4.0' {
  if (vector.startsWith('CVSS:4.0/')) return '4.0';
  if (vector.startsWith('CVSS:3.1/')) return '3.1';
  if (vector.startsWith('CVSS:3.0/')) return '3.0';
  return '2.0';
}
