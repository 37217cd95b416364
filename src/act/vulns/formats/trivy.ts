/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2): Results per target
 * part (OS packages, each lock file), each with Vulnerabilities. Field names as Trivy writes
 * them (pkg/types/report.go, pkg/types/vulnerability.go in aquasecurity/trivy).
 */
import { z } from 'zod';
import type { CvssEntry, TargetKind } from '../../../core/findings-api.js';
import type { Observation, ParsedScan } from '../observation.js';
import { severityOfWord } from '../severity.js';
import { parseReport, splitVersions } from './parse-report.js';

const CvssSourceSchema = z.object({
  V2Vector: z.string().optional(),
  V2Score: z.number().optional(),
  V3Vector: z.string().optional(),
  V3Score: z.number().optional(),
  V40Vector: z.string().optional(),
  V40Score: z.number().optional(),
});

const VulnerabilitySchema = z.object({
  VulnerabilityID: z.string().min(1),
  VendorIDs: z.array(z.string()).optional(),
  PkgName: z.string().min(1),
  PkgIdentifier: z.object({ PURL: z.string().optional() }).optional(),
  InstalledVersion: z.string().optional(),
  FixedVersion: z.string().optional(),
  Severity: z.string().optional(),
  Title: z.string().optional(),
  Description: z.string().optional(),
  CVSS: z.record(z.string(), CvssSourceSchema).optional(),
});

export const TrivyReportSchema = z.object({
  SchemaVersion: z.number().int(),
  ArtifactName: z.string().optional(),
  ArtifactType: z.string().optional(),
  Results: z
    .array(
      z.object({
        Target: z.string(),
        Type: z.string().optional(),
        Vulnerabilities: z.array(VulnerabilitySchema).optional(),
      }),
    )
    .optional(),
});

/** Trivy's ArtifactType values → target kinds. */
const ARTIFACT_KINDS: Readonly<Record<string, TargetKind>> = {
  container_image: 'image',
  repository: 'repository',
  filesystem: 'filesystem',
  cyclonedx: 'sbom',
  spdx: 'sbom',
};

export function parseTrivy(report: unknown): ParsedScan {
  const parsed = parseReport(TrivyReportSchema, report, 'Trivy JSON');
  const observations: Observation[] = [];
  for (const result of parsed.Results ?? []) {
    for (const vuln of result.Vulnerabilities ?? []) {
      observations.push({
        id: vuln.VulnerabilityID,
        aliases: vuln.VendorIDs ?? [],
        package: {
          name: vuln.PkgName,
          ...(result.Type === undefined ? {} : { ecosystem: result.Type }),
          ...(vuln.PkgIdentifier?.PURL === undefined ? {} : { purl: vuln.PkgIdentifier.PURL }),
          ...(vuln.InstalledVersion === undefined ? {} : { version: vuln.InstalledVersion }),
        },
        fixedVersions: splitVersions(vuln.FixedVersion),
        severity: severityOfWord(vuln.Severity),
        cvss: cvssEntries(vuln.CVSS ?? {}),
        ...(vuln.Title === undefined ? {} : { title: vuln.Title }),
        ...(vuln.Description === undefined ? {} : { description: vuln.Description }),
        location: result.Target,
      });
    }
  }
  const kind = ARTIFACT_KINDS[parsed.ArtifactType ?? ''] ?? 'filesystem';
  return {
    format: 'trivy',
    ...(parsed.ArtifactName ? { target: { name: parsed.ArtifactName, kind } } : {}),
    observations,
    complete: true,
  };
}

function cvssEntries(sources: Record<string, z.infer<typeof CvssSourceSchema>>): CvssEntry[] {
  const entries: CvssEntry[] = [];
  for (const [source, cvss] of Object.entries(sources)) {
    if (cvss.V40Vector || cvss.V40Score !== undefined) entries.push(entry('4.0', cvss.V40Vector, cvss.V40Score, source));
    if (cvss.V3Vector || cvss.V3Score !== undefined) entries.push(entry(cvss.V3Vector?.startsWith('CVSS:3.0/') ? '3.0' : '3.1', cvss.V3Vector, cvss.V3Score, source));
    if (cvss.V2Vector || cvss.V2Score !== undefined) entries.push(entry('2.0', cvss.V2Vector, cvss.V2Score, source));
  }
  return entries;
}

function entry(version: CvssEntry['version'], vector: string | undefined, score: number | undefined, source: string): CvssEntry {
  return { version, ...(vector ? { vector } : {}), ...(score === undefined ? {} : { score }), source };
}
