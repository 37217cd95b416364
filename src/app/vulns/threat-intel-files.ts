/**
 * Loads the KEV catalogue and EPSS scores into the store, from a configured path at start or
 * from an upload; nothing is ever downloaded. EPSS files are published gzipped: a body or
 * file starting with the gzip magic bytes is inflated first (within `maxBytes`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { OpsError } from '../../core/errors.js';
import type { IntelFileStatus } from '../../core/findings-api.js';
import { ReportFormatError } from '../../act/vulns/observation.js';
import { parseEpssCsv, parseKevCatalog } from '../../act/vulns/threat-intel.js';
import type { Store } from '../../store/store.js';

/** Throws OpsError VALIDATION naming the bad field. */
export function loadKev(store: Store, document: unknown, source: string, nowMs: number): IntelFileStatus {
  const kev = asValidation(() => parseKevCatalog(document));
  const status: IntelFileStatus = { entries: kev.entries.length, ...(kev.version ? { version: kev.version } : {}), ...(kev.date ? { date: kev.date } : {}), loadedMs: nowMs, source };
  store.findings.replaceKev(kev.entries.map((entry) => ({ cve: entry.cve, record: JSON.stringify(entry) })), status);
  return status;
}

/** Throws OpsError VALIDATION naming the bad line, BODY_TOO_LARGE when it inflates past `maxBytes`. */
export function loadEpss(store: Store, bytes: Buffer, source: string, options: { nowMs: number; maxBytes: number }): IntelFileStatus {
  const text = inflated(bytes, options.maxBytes).toString('utf8');
  const epss = asValidation(() => parseEpssCsv(text));
  const status: IntelFileStatus = { entries: epss.scores.length, ...(epss.version ? { version: epss.version } : {}), ...(epss.date ? { date: epss.date } : {}), loadedMs: options.nowMs, source };
  store.findings.replaceEpss(epss.scores, status);
  return status;
}

/** At start: the files named by findings.kevPath and findings.epssPath. Throws OpsError CONFIG naming the file. */
export function loadConfiguredIntel(store: Store, paths: { kevPath?: string; epssPath?: string; maxReportBytes: number }, nowMs: number): void {
  const wrap = (path: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      throw new OpsError('OPS_ERR_CONFIG', [`${path}: ${error instanceof Error ? error.message : String(error)}`], { cause: error });
    }
  };
  if (paths.kevPath !== undefined) {
    const path = paths.kevPath;
    wrap(path, () => loadKev(store, JSON.parse(readFileSync(path, 'utf8')), path, nowMs));
  }
  if (paths.epssPath !== undefined) {
    const path = paths.epssPath;
    wrap(path, () => loadEpss(store, readFileSync(path), path, { nowMs, maxBytes: Number.MAX_SAFE_INTEGER }));
  }
}

function inflated(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new OpsError('OPS_ERR_BODY_TOO_LARGE', [String(maxBytes)]);
    throw new OpsError('OPS_ERR_BAD_PAYLOAD', ['the gzip data is corrupt']);
  }
}

function asValidation<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReportFormatError) throw new OpsError('OPS_ERR_VALIDATION', [error.message]);
    throw error;
  }
}
