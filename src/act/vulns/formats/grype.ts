/**
 * Grype's JSON report (`grype IMAGE -o json`): matches of a vulnerability to an artifact,
 * with related vulnerabilities (the CVE behind a GHSA) and the source scanned. Field names as
 * Grype writes them (grype/presenter/models in anchore/grype).
 */
import { z } from 'zod';
import type { CvssEntry, TargetKind } from '../../../core/findings-api.js';
import type { Observation, ParsedScan } from '../observation.js';
import { severityOfWord } from '../severity.js';
import { cvssVersionOf, parseReport } from './parse-report.js';

const CvssSchema = z.object({
  source: z.string().optional(),
  version: z.string().optional(),
  vector: z.string().optional(),
  metrics: z.object({ baseScore: z.number().optional() }).optional(),
});

const VulnerabilitySchema = z.object({
  id: z.string().min(1),
  severity: z.string().optional(),
  description: z.string().optional(),
  cvss: z.array(CvssSchema).optional(),
  fix: z.object({ versions: z.array(z.string()).optional(), state: z.string().optional() }).optional(),
});

export const GrypeReportSchema = z.object({
  matches: z.array(
    z.object({
      vulnerability: VulnerabilitySchema,
      relatedVulnerabilities: z.array(VulnerabilitySchema.omit({ fix: true })).optional(),
      artifact: z.object({
        name: z.string().min(1),
        version: z.string().optional(),
        type: z.string().optional(),
        purl: z.string().optional(),
        locations: z.array(z.object({ path: z.string().optional() })).optional(),
      }),
    }),
  ),
  source: z
    .object({
      type: z.string(),
      target: z.union([z.string(), z.object({ userInput: z.string().optional() })]).optional(),
    })
    .optional(),
});

const SOURCE_KINDS: Readonly<Record<string, TargetKind>> = { image: 'image', directory: 'filesystem', file: 'filesystem', sbom: 'sbom' };

export function parseGrype(report: unknown): ParsedScan {
  const parsed = parseReport(GrypeReportSchema, report, 'Grype JSON');
  const observations: Observation[] = parsed.matches.map((match) => {
    const { vulnerability, artifact } = match;
    const related = match.relatedVulnerabilities ?? [];
    const cvss = [...(vulnerability.cvss ?? []), ...related.flatMap((r) => r.cvss ?? [])].map(cvssEntry);
    const description = vulnerability.description ?? related.find((r) => r.description)?.description;
    const location = artifact.locations?.find((l) => l.path)?.path;
    return {
      id: vulnerability.id,
      aliases: related.map((r) => r.id),
      package: {
        name: artifact.name,
        ...(artifact.type === undefined ? {} : { ecosystem: artifact.type }),
        ...(artifact.purl ? { purl: artifact.purl } : {}),
        ...(artifact.version === undefined ? {} : { version: artifact.version }),
      },
      fixedVersions: vulnerability.fix?.state === 'fixed' || vulnerability.fix?.state === undefined ? (vulnerability.fix?.versions ?? []) : [],
      severity: severityOfWord(vulnerability.severity),
      cvss,
      ...(description === undefined ? {} : { description }),
      ...(location === undefined ? {} : { location }),
    };
  });
  const source = parsed.source;
  const name = typeof source?.target === 'string' ? source.target : source?.target?.userInput;
  return {
    format: 'grype',
    ...(name ? { target: { name, kind: SOURCE_KINDS[source?.type ?? ''] ?? 'filesystem' } } : {}),
    observations,
    complete: true,
  };
}

function cvssEntry(cvss: z.infer<typeof CvssSchema>): CvssEntry {
  const version = cvss.vector ? cvssVersionOf(cvss.vector) : cvss.version === '4.0' ? '4.0' : cvss.version === '2.0' ? '2.0' : cvss.version === '3.0' ? '3.0' : '3.1';
  return {
    version,
    ...(cvss.vector ? { vector: cvss.vector } : {}),
    ...(cvss.metrics?.baseScore === undefined ? {} : { score: cvss.metrics.baseScore }),
    ...(cvss.source ? { source: cvss.source } : {}),
  };
}
