/**
 * The scanner formats, keyed by name (a new format is one entry here), and detection of a
 * report's format from its shape.
 */
import type { ScannerFormat } from '../../../core/findings-api.js';
import { ReportFormatError, type ParsedScan } from '../observation.js';
import { parseCycloneDx } from './cyclonedx.js';
import { parseGrype } from './grype.js';
import { parseOsvScanner } from './osv-scanner.js';
import { parseSarif } from './sarif.js';
import { parseTrivy } from './trivy.js';

export const REPORT_PARSERS: Readonly<Record<ScannerFormat, (report: unknown) => ParsedScan>> = {
  trivy: parseTrivy,
  grype: parseGrype,
  sarif: parseSarif,
  cyclonedx: parseCycloneDx,
  'osv-scanner': parseOsvScanner,
};

/** Each format's distinctive top-level fields. */
export function detectFormat(report: unknown): ScannerFormat | undefined {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return undefined;
  const fields = report as Record<string, unknown>;
  if (fields['bomFormat'] === 'CycloneDX') return 'cyclonedx';
  if (typeof fields['version'] === 'string' && Array.isArray(fields['runs'])) return 'sarif';
  if ('SchemaVersion' in fields && ('Results' in fields || 'ArtifactName' in fields)) return 'trivy';
  if (Array.isArray(fields['matches'])) return 'grype';
  if (Array.isArray(fields['results'])) return 'osv-scanner';
  return undefined;
}

/** Parses a report in `format`, or in the detected one; throws ReportFormatError. */
export function parseScannerReport(report: unknown, format?: ScannerFormat): ParsedScan {
  const chosen = format ?? detectFormat(report);
  if (chosen === undefined) {
    throw new ReportFormatError('report', 'not a Trivy, Grype, SARIF 2.1.0, CycloneDX or OSV-Scanner JSON report; pass ?format= when it is one');
  }
  return REPORT_PARSERS[chosen](report);
}
