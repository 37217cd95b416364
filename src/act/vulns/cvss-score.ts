/**
 * The CVSS score a finding is rated by: of the entries scanners gave, the newest version that
 * can be scored — v4.0 with a vendor score, else v3.x computed from its vector (or the given
 * score when the vector is missing or invalid), else v2's given score.
 */
import type { CvssEntry, CvssScore } from '../../core/findings-api.js';
import { cvss31Base } from './cvss31.js';
import { cvss40Vector } from './cvss40.js';
import { severityOfScore } from './severity.js';

export function bestCvss(entries: readonly CvssEntry[]): CvssScore | undefined {
  for (const entry of entries.filter((e) => e.version === '4.0')) {
    if (entry.score === undefined) continue;
    const macro = entry.vector === undefined ? undefined : tryOr(() => cvss40Vector(entry.vector as string).macroVector);
    return { version: '4.0', ...(entry.vector ? { vector: entry.vector } : {}), baseScore: entry.score, severity: severityOfScore(entry.score), computed: false, ...(macro ? { macroVector: macro } : {}) };
  }
  const v3 = entries.filter((e) => e.version === '3.1' || e.version === '3.0');
  for (const entry of v3) {
    if (entry.vector === undefined) continue;
    const score = tryOr(() => cvss31Base(entry.vector as string).score);
    if (score !== undefined) return { version: entry.version, vector: entry.vector, baseScore: score, severity: severityOfScore(score), computed: true };
  }
  const given = [...v3, ...entries.filter((e) => e.version === '2.0')].find((e) => e.score !== undefined);
  if (given?.score === undefined) return undefined;
  return { version: given.version, ...(given.vector ? { vector: given.vector } : {}), baseScore: given.score, severity: severityOfScore(given.score), computed: false };
}

/** The v3.x or v4.0 base metrics of the best vector, for SSVC's automatable and technical impact. */
export function bestVectorMetrics(entries: readonly CvssEntry[]): { version: '3' | '4'; metrics: Readonly<Record<string, string>> } | undefined {
  for (const entry of entries) {
    if (entry.version === '4.0' && entry.vector) {
      const parsed = tryOr(() => cvss40Vector(entry.vector as string));
      if (parsed) return { version: '4', metrics: parsed.metrics };
    }
  }
  for (const entry of entries) {
    if ((entry.version === '3.1' || entry.version === '3.0') && entry.vector) {
      const parsed = tryOr(() => cvss31Base(entry.vector as string));
      if (parsed) return { version: '3', metrics: parsed.metrics };
    }
  }
  return undefined;
}

function tryOr<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}
