/**
 * What every scanner format is parsed into: one observation per (vulnerability, package) the
 * report lists, and the target it scanned. Pure types; src/act/vulns/formats/ produce them.
 */
import type { CvssEntry, ScannerFormat, TargetKind, VulnSeverity } from '../../core/findings-api.js';

export interface ObservedPackage {
  name: string;
  /** purl type (npm, pypi, golang, maven, deb, apk …) when the report says. */
  ecosystem?: string;
  /** As the report gave it, version included. */
  purl?: string;
  version?: string;
}

export interface Observation {
  /** The id the scanner used (CVE-…, GHSA-…, GO-…, PYSEC-…). */
  id: string;
  /** Other ids of the same vulnerability the report names. */
  aliases: string[];
  package: ObservedPackage;
  fixedVersions: string[];
  severity: VulnSeverity;
  cvss: CvssEntry[];
  title?: string;
  description?: string;
  /** Path inside the target: a lock file, the OS package database. */
  location?: string;
  /** A VEX statement that the product is not affected (CycloneDX analysis). */
  suppression?: { state: string; justification?: string; detail?: string };
}

export interface ParsedScan {
  format: ScannerFormat;
  /** From the report; the caller may override it. Absent when the report does not say. */
  target?: { name: string; kind: TargetKind };
  observations: Observation[];
  /**
   * A scan that lists every vulnerability of its target: what it no longer reports is fixed.
   * A VEX statement lists only what it speaks about, so it verifies nothing.
   */
  complete: boolean;
}

/** A report that does not match its format's schema: `path` names the first bad field. */
export class ReportFormatError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ReportFormatError';
    this.path = path;
  }
}
