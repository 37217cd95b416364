/**
 * Folds one scan into the findings of its target. Observations are merged into findings by
 * (package, vulnerability ids with aliases merged): within the scan first (two scanners' lines
 * in one report, a GHSA and its CVE), then against the target's known findings, so Trivy's
 * CVE-… and OSV-Scanner's GHSA-… with that CVE as alias are one finding. A complete scan also
 * verifies fixes: a finding of the target that a scanner of this format reported before and
 * this scan no longer reports is fixed, verified by this scan; one that comes back reopens.
 * Pure: the caller loads the target's findings and stores what comes back.
 */
import type { CvssEntry, Finding, FindingHistoryEntry, FindingStatus, ScannerFormat, TargetKind } from '../../core/findings-api.js';
import type { Observation, ParsedScan } from './observation.js';
import { packageKey, parsePurl, samePackage, versionlessPurl } from './package-key.js';
import { worseSeverity } from './severity.js';
import { canonicalVulnerabilityId, vulnerabilityIds } from './vuln-ids.js';

export interface ScanToReconcile {
  id: string;
  scan: ParsedScan;
  target: { name: string; kind: TargetKind };
  by: string;
  nowMs: number;
}

export interface FindingChange {
  finding: Finding;
  /** Transitions to append, oldest first. */
  history: FindingHistoryEntry[];
}

export interface Reconciled {
  changes: FindingChange[];
  counts: { created: number; seen: number; reopened: number; fixed: number; suppressed: number };
}

interface Group {
  pkgKey: string;
  ids: Set<string>;
  observations: Observation[];
}

export function reconcileScan(input: ScanToReconcile, known: readonly Finding[], newId: () => string): Reconciled {
  const { scan, nowMs } = input;
  const counts = { created: 0, seen: 0, reopened: 0, fixed: 0, suppressed: 0 };
  const changes = new Map<string, FindingChange>();
  const seenIds = new Set<string>();
  const candidates = known.map((finding) => ({ key: packageKey(finding.package), finding }));

  for (const group of groupObservations(scan.observations)) {
    const existing = candidates.find((c) => samePackage(c.key, group.pkgKey) && c.finding.aliases.some((id) => group.ids.has(id)))?.finding;
    const suppression = group.observations.find((o) => o.suppression)?.suppression;
    const history: FindingHistoryEntry[] = [];
    let finding: Finding;
    if (existing === undefined) {
      const status: FindingStatus = suppression ? 'suppressed' : 'open';
      finding = merged(newFinding(newId(), input, group), group, input);
      finding = { ...finding, status };
      if (suppression) finding = { ...finding, suppression: { ...suppression, scanId: input.id }, statusReason: vexReason(suppression) };
      history.push({ timeMs: nowMs, to: 'open', by: input.by, reason: `reported by ${scan.format} scan ${input.id}` });
      if (suppression) history.push({ timeMs: nowMs, from: 'open', to: 'suppressed', by: input.by, reason: vexReason(suppression) });
      counts.created++;
      if (suppression) counts.suppressed++;
      candidates.push({ key: group.pkgKey, finding });
    } else {
      finding = merged(changes.get(existing.id)?.finding ?? existing, group, input);
      history.push(...(changes.get(existing.id)?.history ?? []));
      if (suppression && finding.status !== 'suppressed') {
        history.push({ timeMs: nowMs, from: finding.status, to: 'suppressed', by: input.by, reason: vexReason(suppression) });
        finding = withStatus(finding, 'suppressed', vexReason(suppression), nowMs);
        finding = { ...finding, suppression: { ...suppression, scanId: input.id } };
        counts.suppressed++;
      } else if (!suppression && finding.status === 'fixed') {
        history.push({ timeMs: nowMs, from: 'fixed', to: 'open', by: input.by, reason: `reported again by ${scan.format} scan ${input.id}` });
        finding = withStatus(finding, 'open', 'reported again after a fix', nowMs);
        counts.reopened++;
      } else {
        counts.seen++;
      }
    }
    seenIds.add(finding.id);
    changes.set(finding.id, { finding, history });
  }

  if (scan.complete) {
    for (const finding of known) {
      if (seenIds.has(finding.id) || finding.status === 'fixed' || !finding.scanners.includes(scan.format)) continue;
      const reason = `not reported by ${scan.format} scan ${input.id} of ${input.target.name}`;
      const fixed: Finding = { ...withStatus(finding, 'fixed', reason, nowMs), fixedMs: nowMs, verifiedByScanId: input.id };
      changes.set(finding.id, { finding: fixed, history: [{ timeMs: nowMs, from: finding.status, to: 'fixed', by: input.by, reason }] });
      counts.fixed++;
    }
  }
  return { changes: [...changes.values()], counts };
}

/** The finding in a new status, without the fields of the status it leaves (acceptance, suppression, fix). */
function withStatus(finding: Finding, status: FindingStatus, reason: string, nowMs: number): Finding {
  const next: Finding = { ...finding, status, statusReason: reason, updatedMs: nowMs };
  if (status !== 'risk_accepted') delete next.acceptedUntilMs;
  if (status !== 'suppressed') delete next.suppression;
  if (status !== 'fixed') {
    delete next.fixedMs;
    delete next.verifiedByScanId;
  }
  return next;
}

function vexReason(suppression: NonNullable<Observation['suppression']>): string {
  return `VEX: ${suppression.state}${suppression.justification ? ` (${suppression.justification})` : ''}${suppression.detail ? `: ${suppression.detail}` : ''}`;
}

/** Union-find over ids within each package: observations sharing any id are one group. */
function groupObservations(observations: readonly Observation[]): Group[] {
  const groups: Group[] = [];
  for (const observation of observations) {
    const pkgKey = packageKey(observation.package);
    const ids = vulnerabilityIds(observation.id, observation.aliases);
    const matching = groups.filter((g) => g.pkgKey === pkgKey && ids.some((id) => g.ids.has(id)));
    const target: Group = matching[0] ?? { pkgKey, ids: new Set(), observations: [] };
    if (matching.length === 0) groups.push(target);
    for (const other of matching.slice(1)) {
      other.ids.forEach((id) => target.ids.add(id));
      target.observations.push(...other.observations);
      groups.splice(groups.indexOf(other), 1);
    }
    ids.forEach((id) => target.ids.add(id));
    target.observations.push(observation);
  }
  return groups;
}

function newFinding(id: string, input: ScanToReconcile, group: Group): Finding {
  const first = group.observations[0] as Observation;
  const purl = first.package.purl === undefined ? undefined : parsePurl(first.package.purl);
  const ecosystem = purl?.type ?? packageKey(first.package).split('/')[0];
  return {
    id,
    vulnerabilityId: '',
    aliases: [],
    package: { name: first.package.name, ...(ecosystem && ecosystem !== 'generic' ? { ecosystem } : {}), ...(purl ? { purl: versionlessPurl(purl) } : {}), installedVersions: [] },
    target: input.target,
    locations: [],
    fixedVersions: [],
    cvss: [],
    vendorSeverity: 'unknown',
    scanners: [],
    firstSeenMs: input.nowMs,
    lastSeenMs: input.nowMs,
    lastScanId: input.id,
    status: 'open',
    services: [],
    updatedMs: input.nowMs,
  };
}

/** The finding with what this scan's observations add: ids, versions, locations, fixes, scores. */
function merged(finding: Finding, group: Group, input: ScanToReconcile): Finding {
  const observations = group.observations;
  const aliases = [...new Set([...finding.aliases, ...group.ids])].sort();
  const withTitle = observations.find((o) => o.title);
  const withDescription = observations.find((o) => o.description);
  const observedPurl = observations.map((o) => (o.package.purl ? parsePurl(o.package.purl) : undefined)).find((p) => p !== undefined);
  const purl = finding.package.purl ?? (observedPurl ? versionlessPurl(observedPurl) : undefined);
  // A package first seen without an ecosystem (SARIF) gets one from a scanner that knows it.
  const ecosystem = finding.package.ecosystem ?? observations.map((o) => packageKey(o.package).split('/')[0]).find((type) => type !== 'generic');
  const installed = [...new Set(observations.map((o) => o.package.version).filter((v): v is string => v !== undefined))].sort();
  return {
    ...finding,
    vulnerabilityId: canonicalVulnerabilityId(aliases),
    aliases,
    ...(finding.title === undefined && withTitle?.title ? { title: withTitle.title } : {}),
    ...(finding.description === undefined && withDescription?.description ? { description: withDescription.description } : {}),
    package: {
      ...finding.package,
      ...(purl ? { purl } : {}),
      ...(ecosystem ? { ecosystem } : {}),
      // What is installed now is what the latest scan saw.
      installedVersions: installed.length > 0 ? installed : finding.package.installedVersions,
    },
    locations: [...new Set([...finding.locations, ...observations.map((o) => o.location).filter((l): l is string => l !== undefined)])].sort(),
    fixedVersions: [...new Set([...finding.fixedVersions, ...observations.flatMap((o) => o.fixedVersions)])],
    cvss: mergeCvss(finding.cvss, observations.flatMap((o) => o.cvss)),
    vendorSeverity: observations.reduce((worst, o) => worseSeverity(worst, o.severity), finding.vendorSeverity),
    scanners: input.scan.complete ? addScanner(finding.scanners, input.scan.format) : finding.scanners,
    lastSeenMs: Math.max(finding.lastSeenMs, input.nowMs),
    lastScanId: input.id,
    updatedMs: input.nowMs,
  };
}

function addScanner(scanners: readonly ScannerFormat[], format: ScannerFormat): ScannerFormat[] {
  return [...new Set([...scanners, format])].sort();
}

function mergeCvss(known: readonly CvssEntry[], added: readonly CvssEntry[]): CvssEntry[] {
  const byKey = new Map<string, CvssEntry>();
  for (const entry of [...known, ...added]) byKey.set(`${entry.version}|${entry.vector ?? ''}|${entry.source ?? ''}`, entry);
  // Newest CVSS version first, so readers meet v4.0 before v3.1.
  return [...byKey.values()].sort((a, b) => b.version.localeCompare(a.version));
}
