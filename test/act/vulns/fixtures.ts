/** Reads the scanner report fixtures of test/fixtures/findings (see its README for their sources). */
import { readFileSync } from 'node:fs';
import type { Finding } from '../../../src/core/findings-api.js';

export const FIXTURES = new URL('../../fixtures/findings/', import.meta.url);

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as unknown;
}

/** A lodash finding in the cart image, open since `atMs`; tests override what they are about. */
export function sampleFinding(overrides: Partial<Finding> & { id: string }, atMs: number): Finding {
  return {
    vulnerabilityId: 'CVE-2021-23337',
    aliases: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
    package: { name: 'lodash', ecosystem: 'npm', purl: 'pkg:npm/lodash', installedVersions: ['4.17.20'] },
    target: { name: 'ghcr.io/acme/cart', kind: 'image' },
    locations: [],
    fixedVersions: ['4.17.21'],
    cvss: [],
    vendorSeverity: 'high',
    scanners: ['trivy'],
    firstSeenMs: atMs,
    lastSeenMs: atMs,
    lastScanId: 'scan_1',
    status: 'open',
    services: ['cart'],
    team: 'shop',
    updatedMs: atMs,
    ...overrides,
  };
}
