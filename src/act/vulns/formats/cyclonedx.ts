/**
 * CycloneDX 1.5 / 1.6 JSON (https://cyclonedx.org/docs/1.6/json/): an SBOM with a
 * `vulnerabilities` array, or a VEX document (vulnerabilities only, each saying through
 * `analysis` whether the product is affected). `affects[].ref` names a component by its
 * bom-ref, or is itself a purl. Fixed versions are the `affects[].versions` marked
 * "unaffected". A vulnerability whose analysis.state is not_affected, resolved or
 * false_positive is a suppression, with the statement's justification and detail.
 */
import { z } from 'zod';
import type { CvssEntry, TargetKind } from '../../../core/findings-api.js';
import { ReportFormatError, type Observation, type ParsedScan } from '../observation.js';
import { parsePurl } from '../package-key.js';
import { severityOfScore, severityOfWord } from '../severity.js';
import { parseReport } from './parse-report.js';

const ComponentSchema = z.object({
  type: z.string().optional(),
  'bom-ref': z.string().optional(),
  name: z.string(),
  group: z.string().optional(),
  version: z.string().optional(),
  purl: z.string().optional(),
});

const VulnerabilitySchema = z.object({
  id: z.string().min(1),
  references: z.array(z.object({ id: z.string() })).optional(),
  ratings: z
    .array(
      z.object({
        source: z.object({ name: z.string().optional() }).optional(),
        score: z.number().optional(),
        severity: z.string().optional(),
        method: z.string().optional(),
        vector: z.string().optional(),
      }),
    )
    .optional(),
  description: z.string().optional(),
  detail: z.string().optional(),
  affects: z
    .array(
      z.object({
        ref: z.string().min(1),
        versions: z.array(z.object({ version: z.string().optional(), range: z.string().optional(), status: z.string().optional() })).optional(),
      }),
    )
    .min(1),
  analysis: z
    .object({
      state: z.string().optional(),
      justification: z.string().optional(),
      detail: z.string().optional(),
    })
    .optional(),
});

export const CycloneDxReportSchema = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.4', '1.5', '1.6', '1.7']),
  metadata: z.object({ component: ComponentSchema.optional() }).optional(),
  components: z.array(ComponentSchema).optional(),
  vulnerabilities: z.array(VulnerabilitySchema).optional(),
});

/** analysis.state values that say the product is not exposed. */
const SUPPRESSING_STATES = new Set(['not_affected', 'resolved', 'false_positive', 'resolved_with_pedigree']);
/** CycloneDX rating methods → CVSS versions, and the vector prefix some tools leave out. */
const METHODS: Readonly<Record<string, CvssEntry['version']>> = { CVSSv2: '2.0', CVSSv3: '3.0', CVSSv31: '3.1', CVSSv4: '4.0' };

export function parseCycloneDx(report: unknown): ParsedScan {
  const parsed = parseReport(CycloneDxReportSchema, report, 'CycloneDX JSON');
  const byRef = new Map<string, z.infer<typeof ComponentSchema>>();
  for (const component of [...(parsed.components ?? []), ...(parsed.metadata?.component ? [parsed.metadata.component] : [])]) {
    if (component['bom-ref']) byRef.set(component['bom-ref'], component);
  }
  const observations: Observation[] = [];
  (parsed.vulnerabilities ?? []).forEach((vuln, index) => {
    vuln.affects.forEach((affect, affectIndex) => {
      const component = byRef.get(affect.ref);
      const purl = component?.purl ?? (parsePurl(affect.ref) ? affect.ref : undefined);
      const fromPurl = purl === undefined ? undefined : parsePurl(purl);
      const name = component?.name ?? fromPurl?.name;
      if (name === undefined) throw new ReportFormatError(`report.vulnerabilities[${index}].affects[${affectIndex}].ref`, `"${affect.ref}" is neither a component's bom-ref nor a purl`);
      const version = component?.version ?? fromPurl?.version ?? affect.versions?.find((v) => v.status === 'affected' && v.version)?.version;
      const ratings = vuln.ratings ?? [];
      const cvss = ratings.flatMap((rating): CvssEntry[] => {
        const cvssVersion = rating.method === undefined ? undefined : METHODS[rating.method];
        if (cvssVersion === undefined) return [];
        const vector = rating.vector === undefined ? undefined : withPrefix(rating.vector, cvssVersion);
        return [{ version: cvssVersion, ...(vector ? { vector } : {}), ...(rating.score === undefined ? {} : { score: rating.score }), ...(rating.source?.name ? { source: rating.source.name } : {}) }];
      });
      const worded = ratings.map((r) => severityOfWord(r.severity)).find((s) => s !== 'unknown');
      const scored = ratings.find((r) => r.score !== undefined)?.score;
      const state = vuln.analysis?.state;
      observations.push({
        id: vuln.id,
        aliases: (vuln.references ?? []).map((r) => r.id),
        package: { name, ...(fromPurl ? { ecosystem: fromPurl.type } : {}), ...(purl ? { purl } : {}), ...(version ? { version } : {}) },
        fixedVersions: (affect.versions ?? []).filter((v) => v.status === 'unaffected' && v.version).map((v) => v.version as string),
        severity: worded ?? (scored === undefined ? 'unknown' : severityOfScore(scored)),
        cvss,
        ...(vuln.description ? { description: vuln.description } : vuln.detail ? { description: vuln.detail } : {}),
        ...(state !== undefined && SUPPRESSING_STATES.has(state)
          ? { suppression: { state, ...(vuln.analysis?.justification ? { justification: vuln.analysis.justification } : {}), ...(vuln.analysis?.detail ? { detail: vuln.analysis.detail } : {}) } }
          : {}),
      });
    });
  });
  const main = parsed.metadata?.component;
  const kind: TargetKind = main?.type === 'container' ? 'image' : 'sbom';
  return {
    format: 'cyclonedx',
    ...(main ? { target: { name: main.group ? `${main.group}/${main.name}` : main.name, kind } } : {}),
    observations,
    // A document without components is a VEX statement about some vulnerabilities, not a scan.
    complete: (parsed.components ?? []).length > 0,
  };
}

function withPrefix(vector: string, version: CvssEntry['version']): string {
  if (vector.startsWith('CVSS:') || version === '2.0') return vector;
  return `CVSS:${version}/${vector}`;
}
