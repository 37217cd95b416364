/** Severity words of scanners and CVSS scores → one scale (CVSS v3/v4 qualitative ratings). */
import type { VulnSeverity } from '../../core/findings-api.js';

const WORDS: Readonly<Record<string, VulnSeverity>> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  medium: 'medium',
  moderate: 'medium',
  low: 'low',
  negligible: 'low',
  minor: 'low',
  none: 'none',
  info: 'none',
};

/** A scanner's severity word (any case); unknown for anything else. */
export function severityOfWord(word: string | undefined): VulnSeverity {
  return (word === undefined ? undefined : WORDS[word.trim().toLowerCase()]) ?? 'unknown';
}

/** CVSS v3.x and v4.0 qualitative rating of a score: None 0, Low 0.1–3.9, Medium 4–6.9, High 7–8.9, Critical 9–10. */
export function severityOfScore(score: number): VulnSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

const ORDER: readonly VulnSeverity[] = ['unknown', 'none', 'low', 'medium', 'high', 'critical'];

/** The more severe of two. */
export function worseSeverity(a: VulnSeverity, b: VulnSeverity): VulnSeverity {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
