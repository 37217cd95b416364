/**
 * CVSS v3.1 base score, written from the FIRST specification
 * (https://www.first.org/cvss/v3.1/specification-document, section 7.1 "Base Metrics
 * Equations", 7.4 "Metric Values", Appendix A "Floating Point Rounding"). v3.0 vectors use the
 * same equations; only v3.0's Roundup differed by floating-point noise.
 */
import { parseCvssMetrics } from './cvss-vector.js';

const BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const CIA = ['H', 'L', 'N'];
/** Temporal and environmental metrics are accepted and do not change the base score. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'], C: CIA, I: CIA, A: CIA,
  E: ['X', 'U', 'P', 'F', 'H'], RL: ['X', 'O', 'T', 'W', 'U'], RC: ['X', 'U', 'R', 'C'],
  CR: ['X', 'L', 'M', 'H'], IR: ['X', 'L', 'M', 'H'], AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'],
  MC: ['X', ...CIA], MI: ['X', ...CIA], MA: ['X', ...CIA],
};

const AV: Readonly<Record<string, number>> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Readonly<Record<string, number>> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Readonly<Record<string, number>> = { N: 0.85, R: 0.62 };
const IMPACT: Readonly<Record<string, number>> = { H: 0.56, L: 0.22, N: 0 };

export interface Cvss31Base {
  score: number;
  metrics: Readonly<Record<(typeof BASE)[number], string>>;
}

/** Throws CvssVectorError for a vector that is not v3.0/v3.1 or lacks a base metric. */
export function cvss31Base(vector: string): Cvss31Base {
  const prefix = vector.startsWith('CVSS:3.0/') ? 'CVSS:3.0' : 'CVSS:3.1';
  const parsed = parseCvssMetrics(vector, prefix, ALLOWED, BASE);
  const m = Object.fromEntries(BASE.map((metric) => [metric, parsed.get(metric) as string])) as Record<(typeof BASE)[number], string>;
  const changed = m.S === 'C';
  const iss = 1 - (1 - (IMPACT[m.C] as number)) * (1 - (IMPACT[m.I] as number)) * (1 - (IMPACT[m.A] as number));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * (AV[m.AV] as number) * (AC[m.AC] as number) * ((changed ? PR_CHANGED : PR_UNCHANGED)[m.PR] as number) * (UI[m.UI] as number);
  let score = 0;
  if (impact > 0) score = roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  return { score, metrics: m };
}

/**
 * Appendix A: the smallest number with one decimal at or above the input, computed on integers
 * so that 4.000000000000001 rounds to 4.0, not 4.1.
 */
export function roundUp(input: number): number {
  const intInput = Math.round(input * 100_000);
  if (intInput % 10_000 === 0) return intInput / 100_000;
  return (Math.floor(intInput / 10_000) + 1) / 10;
}
