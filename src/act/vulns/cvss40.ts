/**
 * CVSS v4.0 vectors (https://www.first.org/cvss/v4.0/specification-document). v4.0 scores a
 * vector by its MacroVector: six equivalence sets (EQ1–EQ6, section 8.2) whose levels index a
 * table of scores FIRST derived from expert rankings, then interpolated by the distance to the
 * highest-severity vector of the MacroVector. opsloop computes and shows the MacroVector but
 * does not carry FIRST's 270-entry score table: the v4.0 score is the one the scanner or vendor
 * gave with the vector, and its severity follows from that score (docs/findings.md).
 */
import { parseCvssMetrics } from './cvss-vector.js';

const BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'] as const;
const HLN = ['H', 'L', 'N'];
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: HLN, VI: HLN, VA: HLN, SC: HLN, SI: HLN, SA: HLN,
  E: ['X', 'A', 'P', 'U'], CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MAT: ['X', 'N', 'P'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', ...HLN], MVI: ['X', ...HLN], MVA: ['X', ...HLN], MSC: ['X', ...HLN], MSI: ['X', 'S', ...HLN], MSA: ['X', 'S', ...HLN],
  S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'], U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

export interface Cvss40Vector {
  /** Base metrics with environmental overrides (M…) applied, as the equations read them. */
  metrics: Readonly<Record<string, string>>;
  /** The EQ1–EQ6 levels, e.g. "002201". */
  macroVector: string;
}

/** Throws CvssVectorError for a vector that is not v4.0 or lacks a base metric. */
export function cvss40Vector(vector: string): Cvss40Vector {
  const parsed = parseCvssMetrics(vector, 'CVSS:4.0', ALLOWED, BASE);
  // Effective value: a modified metric (MAV …) overrides its base metric unless X; E, CR, IR, AR default as the spec says.
  const value = (metric: string): string => {
    const modified = parsed.get(`M${metric}`);
    if (modified !== undefined && modified !== 'X') return modified;
    return parsed.get(metric) ?? 'X';
  };
  const metrics: Record<string, string> = {};
  for (const metric of BASE) metrics[metric] = value(metric);
  metrics['E'] = orDefault(parsed.get('E'), 'A');
  for (const requirement of ['CR', 'IR', 'AR']) metrics[requirement] = orDefault(parsed.get(requirement), 'H');
  // MSI and MSA can be S (safety): read through their own names.
  metrics['MSI'] = parsed.get('MSI') ?? 'X';
  metrics['MSA'] = parsed.get('MSA') ?? 'X';
  return { metrics, macroVector: macroVector(metrics) };
}

function orDefault(value: string | undefined, fallback: string): string {
  return value === undefined || value === 'X' ? fallback : value;
}

/** Section 8.2, tables 24–29. */
function macroVector(m: Readonly<Record<string, string>>): string {
  const eq1 = m['AV'] === 'N' && m['PR'] === 'N' && m['UI'] === 'N' ? 0 : (m['AV'] === 'N' || m['PR'] === 'N' || m['UI'] === 'N') && m['AV'] !== 'P' ? 1 : 2;
  const eq2 = m['AC'] === 'L' && m['AT'] === 'N' ? 0 : 1;
  const eq3 = m['VC'] === 'H' && m['VI'] === 'H' ? 0 : m['VC'] === 'H' || m['VI'] === 'H' || m['VA'] === 'H' ? 1 : 2;
  const safety = m['MSI'] === 'S' || m['MSA'] === 'S';
  const eq4 = safety ? 0 : m['SC'] === 'H' || m['SI'] === 'H' || m['SA'] === 'H' ? 1 : 2;
  const eq5 = m['E'] === 'A' ? 0 : m['E'] === 'P' ? 1 : 2;
  const eq6 = (m['CR'] === 'H' && m['VC'] === 'H') || (m['IR'] === 'H' && m['VI'] === 'H') || (m['AR'] === 'H' && m['VA'] === 'H') ? 0 : 1;
  return `${eq1}${eq2}${eq3}${eq4}${eq5}${eq6}`;
}
