/**
 * OSV-Scanner's JSON output (`osv-scanner --format json`): results per scanned source (a lock
 * file, an SBOM), packages with their OSV vulnerabilities (https://ossf.github.io/osv-schema/).
 * Fixed versions are the `fixed` events of the affected ranges of the same package; severity is
 * the CVSS vectors of `severity[]`, else database_specific.severity.
 */
import { z } from 'zod';
import type { CvssEntry } from '../../../core/findings-api.js';
import type { Observation, ParsedScan } from '../observation.js';
import { packageKey } from '../package-key.js';
import { severityOfWord } from '../severity.js';
import { cvssVersionOf, parseReport } from './parse-report.js';

const OsvPackageSchema = z.object({ name: z.string().min(1), ecosystem: z.string().optional(), purl: z.string().optional() });

const OsvVulnerabilitySchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
  affected: z
    .array(
      z.object({
        package: OsvPackageSchema.optional(),
        ranges: z.array(z.object({ type: z.string(), events: z.array(z.record(z.string(), z.string())) })).optional(),
        database_specific: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export const OsvScannerReportSchema = z.object({
  results: z.array(
    z.object({
      source: z.object({ path: z.string(), type: z.string().optional() }),
      packages: z.array(
        z.object({
          package: z.object({ name: z.string().min(1), version: z.string().optional(), ecosystem: z.string().optional() }),
          vulnerabilities: z.array(OsvVulnerabilitySchema).optional(),
        }),
      ),
    }),
  ),
});

const CVSS_TYPES: Readonly<Record<string, true>> = { CVSS_V2: true, CVSS_V3: true, CVSS_V4: true };

export function parseOsvScanner(report: unknown): ParsedScan {
  const parsed = parseReport(OsvScannerReportSchema, report, 'OSV-Scanner JSON');
  const observations: Observation[] = [];
  for (const result of parsed.results) {
    for (const { package: pkg, vulnerabilities } of result.packages) {
      const key = packageKey(pkg);
      for (const vuln of vulnerabilities ?? []) {
        const affected = (vuln.affected ?? []).filter((a) => a.package === undefined || packageKey(a.package) === key);
        const fixed = affected.flatMap((a) => (a.ranges ?? []).flatMap((range) => range.events.map((event) => event['fixed']).filter((v): v is string => v !== undefined)));
        const cvss: CvssEntry[] = (vuln.severity ?? []).filter((s) => CVSS_TYPES[s.type]).map((s) => ({ version: cvssVersionOf(s.score), vector: s.score, source: 'osv' }));
        const word = stringOf(vuln.database_specific?.['severity']) ?? affected.map((a) => stringOf(a.database_specific?.['severity'])).find((s) => s !== undefined);
        observations.push({
          id: vuln.id,
          aliases: vuln.aliases ?? [],
          package: { name: pkg.name, ...(pkg.ecosystem ? { ecosystem: pkg.ecosystem } : {}), ...(pkg.version ? { version: pkg.version } : {}) },
          fixedVersions: [...new Set(fixed)],
          severity: severityOfWord(word),
          cvss,
          ...(vuln.summary ? { title: vuln.summary } : {}),
          ...(vuln.details ? { description: vuln.details } : {}),
          location: result.source.path,
        });
      }
    }
  }
  return { format: 'osv-scanner', observations, complete: true };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
