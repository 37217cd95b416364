/**
 * Vulnerability ids across databases: CVE (MITRE/NVD), GHSA (GitHub advisories) and the
 * OSV-style ids of other databases (GO-, PYSEC-, RUSTSEC-, OSV- …). Scanners name one
 * vulnerability by different ids and list the others as aliases; findings are keyed by the
 * whole set, shown under the CVE when there is one.
 */

const CVE = /^CVE-\d{4}-\d{4,}$/i;
// GHSA ids are three groups of four characters from a 32-letter alphabet (no 0, 1, a, b …).
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;
/** Prefix, dash, then the database's own id: GO-2022-0969, PYSEC-2021-1, RUSTSEC-2023-0044, DSA-5000-1, ALAS-2023-1. */
const OTHER = /^[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9][A-Za-z0-9._:-]{0,80}$/;

/** Whether the text is an id of some vulnerability database, not a URL or free text. */
export function isVulnerabilityId(text: string): boolean {
  const id = text.trim();
  return CVE.test(id) || GHSA.test(id) || OTHER.test(id);
}

/** One spelling per id: CVE upper-case, GHSA with its groups lower-case. */
export function normaliseVulnerabilityId(text: string): string {
  const id = text.trim();
  if (CVE.test(id)) return id.toUpperCase();
  if (GHSA.test(id)) return `GHSA${id.slice(4).toLowerCase()}`;
  return id;
}

/** The id a finding is shown under: the lowest CVE, else the lowest GHSA, else the lowest id. */
export function canonicalVulnerabilityId(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort();
  return sorted.find((id) => CVE.test(id)) ?? sorted.find((id) => GHSA.test(id)) ?? sorted[0] ?? '';
}

/** The normalised, deduplicated, sorted ids of one observation: its own and its aliases that are ids. */
export function vulnerabilityIds(id: string, aliases: readonly string[]): string[] {
  return [...new Set([id, ...aliases].filter(isVulnerabilityId).map(normaliseVulnerabilityId))].sort();
}
