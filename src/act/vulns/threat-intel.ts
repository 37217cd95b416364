/**
 * The two threat-intelligence files prioritisation reads, parsed from their published
 * formats: CISA's Known Exploited Vulnerabilities catalogue (JSON,
 * https://www.cisa.gov/known-exploited-vulnerabilities-catalog, schema
 * known_exploited_vulnerabilities_schema.json) and FIRST's EPSS scores (CSV
 * `cve,epss,percentile` after a `#model_version:…,score_date:…` comment line,
 * https://www.first.org/epss/data_stats). Pure: the caller reads or receives the bytes.
 */
import { z } from 'zod';
import { ReportFormatError } from './observation.js';
import { parseReport } from './formats/parse-report.js';

export interface KevEntry {
  cve: string;
  dateAdded?: string;
  dueDate?: string;
  ransomware?: string;
  name?: string;
}

export interface EpssScore {
  cve: string;
  probability: number;
  percentile: number;
}

export const KevCatalogSchema = z.object({
  catalogVersion: z.string().optional(),
  dateReleased: z.string().optional(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'is not a CVE id'),
      vulnerabilityName: z.string().optional(),
      dateAdded: z.string().optional(),
      dueDate: z.string().optional(),
      knownRansomwareCampaignUse: z.string().optional(),
    }),
  ),
});

export function parseKevCatalog(document: unknown): { version?: string; date?: string; entries: KevEntry[] } {
  const kev = parseReport(KevCatalogSchema, document, 'CISA KEV catalogue');
  return {
    ...(kev.catalogVersion ? { version: kev.catalogVersion } : {}),
    ...(kev.dateReleased ? { date: kev.dateReleased } : {}),
    entries: kev.vulnerabilities.map((v) => ({
      cve: v.cveID.toUpperCase(),
      ...(v.dateAdded ? { dateAdded: v.dateAdded } : {}),
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      ...(v.knownRansomwareCampaignUse ? { ransomware: v.knownRansomwareCampaignUse } : {}),
      ...(v.vulnerabilityName ? { name: v.vulnerabilityName } : {}),
    })),
  };
}

/** Throws ReportFormatError naming the line of the first bad row. */
export function parseEpssCsv(text: string): { version?: string; date?: string; scores: EpssScore[] } {
  const scores: EpssScore[] = [];
  let version: string | undefined;
  let date: string | undefined;
  let header = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      // #model_version:v2025.03.14,score_date:2026-11-27T00:00:00+0000
      for (const part of line.slice(1).split(',')) {
        const colon = part.indexOf(':');
        if (colon < 0) continue;
        const key = part.slice(0, colon).trim();
        const value = part.slice(colon + 1).trim();
        if (key === 'model_version') version = value;
        if (key === 'score_date') date = value;
      }
      return;
    }
    const cells = line.split(',');
    if (!header) {
      if (cells[0]?.toLowerCase() !== 'cve' || cells[1]?.toLowerCase() !== 'epss' || cells[2]?.toLowerCase() !== 'percentile') {
        throw new ReportFormatError(`line ${index + 1}`, 'expected the header cve,epss,percentile');
      }
      header = true;
      return;
    }
    const probability = Number(cells[1]);
    const percentile = Number(cells[2]);
    const cve = cells[0]?.trim().toUpperCase() ?? '';
    if (!/^CVE-\d{4}-\d{4,}$/.test(cve) || !(probability >= 0 && probability <= 1) || !(percentile >= 0 && percentile <= 1)) {
      throw new ReportFormatError(`line ${index + 1}`, 'expected CVE-YYYY-NNNN,probability 0–1,percentile 0–1');
    }
    scores.push({ cve, probability, percentile });
  });
  if (!header) throw new ReportFormatError('line 1', 'expected the header cve,epss,percentile');
  return { ...(version ? { version } : {}), ...(date ? { date } : {}), scores };
}
