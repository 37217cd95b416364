/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) from vulnerability
 * scanners. SARIF has no package fields, so the package comes from, in order: the result's
 * properties (`purl`, or `packageName`/`packageVersion`/`fixedVersion`), then the message lines
 * Trivy writes ("Package: lodash", "Installed Version: 4.17.20", "Fixed Version: 4.17.21").
 * The vulnerability id is the CVE/GHSA inside the rule id (Grype writes "CVE-…-lodash").
 * Severity comes from the rule's `security-severity` property (GitHub code scanning's
 * convention: a CVSS-like score).
 */
import { z } from 'zod';
import type { CvssEntry } from '../../../core/findings-api.js';
import { ReportFormatError, type Observation, type ParsedScan } from '../observation.js';
import { severityOfScore, severityOfWord } from '../severity.js';
import { normaliseVulnerabilityId } from '../vuln-ids.js';
import { parseReport, splitVersions } from './parse-report.js';

const TextSchema = z.object({ text: z.string().optional() }).optional();
const PropertiesSchema = z.record(z.string(), z.unknown()).optional();

const RuleSchema = z.object({
  id: z.string(),
  shortDescription: TextSchema,
  fullDescription: TextSchema,
  properties: PropertiesSchema,
});

export const SarifReportSchema = z.object({
  version: z.literal('2.1.0'),
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ name: z.string(), rules: z.array(RuleSchema).optional() }) }),
      results: z
        .array(
          z.object({
            ruleId: z.string().optional(),
            ruleIndex: z.number().int().min(0).optional(),
            level: z.string().optional(),
            message: z.object({ text: z.string().optional(), markdown: z.string().optional() }),
            locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string().optional() }).optional() }).optional() })).optional(),
            properties: PropertiesSchema,
          }),
        )
        .optional(),
      versionControlProvenance: z.array(z.object({ repositoryUri: z.string() })).optional(),
    }),
  ),
});

const VULN_IN_RULE = /(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;

export function parseSarif(report: unknown): ParsedScan {
  const parsed = parseReport(SarifReportSchema, report, 'SARIF 2.1.0');
  const observations: Observation[] = [];
  let repository: string | undefined;
  parsed.runs.forEach((run, runIndex) => {
    repository ??= run.versionControlProvenance?.[0]?.repositoryUri;
    const rules = run.tool.driver.rules ?? [];
    (run.results ?? []).forEach((result, resultIndex) => {
      const rule = (result.ruleIndex === undefined ? undefined : rules[result.ruleIndex]) ?? rules.find((r) => r.id === result.ruleId);
      const ruleId = result.ruleId ?? rule?.id;
      const id = ruleId === undefined ? undefined : VULN_IN_RULE.exec(ruleId)?.[1];
      // Results that name no vulnerability (a misconfiguration, a secret) are not findings here.
      if (id === undefined) return;
      const message = result.message.text ?? result.message.markdown ?? '';
      const props = { ...(rule?.properties ?? {}), ...(result.properties ?? {}) };
      const lines = messageFields(message);
      const purl = stringProp(props, 'purl');
      const name = stringProp(props, 'packageName') ?? lines['package'];
      if (name === undefined && purl === undefined) {
        throw new ReportFormatError(`report.runs[${runIndex}].results[${resultIndex}]`, 'names no package (no properties.purl or packageName, no "Package:" line in the message)');
      }
      const version = stringProp(props, 'packageVersion') ?? lines['installed version'];
      const securitySeverity = Number(stringProp(props, 'security-severity') ?? Number.NaN);
      const cvss: CvssEntry[] = Number.isFinite(securitySeverity) ? [{ version: '3.1', score: securitySeverity, source: `${run.tool.driver.name} security-severity` }] : [];
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
      const title = rule?.shortDescription?.text;
      const description = rule?.fullDescription?.text;
      observations.push({
        id: normaliseVulnerabilityId(id),
        aliases: [],
        package: { name: name ?? purl ?? '', ...(purl ? { purl } : {}), ...(version ? { version } : {}) },
        fixedVersions: splitVersions(stringProp(props, 'fixedVersion') ?? lines['fixed version']),
        severity: Number.isFinite(securitySeverity) ? severityOfScore(securitySeverity) : severityOfWord(lines['severity'] ?? result.level),
        cvss,
        ...(title ? { title } : {}),
        ...(description ? { description } : {}),
        ...(uri ? { location: uri } : {}),
      });
    });
  });
  return {
    format: 'sarif',
    ...(repository ? { target: { name: repository, kind: 'repository' as const } } : {}),
    observations,
    complete: true,
  };
}

/** "Key: value" lines of a message, keys lower-cased. */
function messageFields(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of message.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][A-Za-z ]{0,40}):\s*(.+?)\s*$/.exec(line);
    if (match) fields[(match[1] as string).toLowerCase()] = match[2] as string;
  }
  return fields;
}

function stringProp(props: Record<string, unknown>, key: string): string | undefined {
  const value = props[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}
