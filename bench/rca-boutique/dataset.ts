/**
 * Reads the rca-online-boutique set (Nezha's Online Boutique fault injections, metrics only):
 * the cases from cases.json and every pod's metric table of each day they cover.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { parseMetricTable, type MetricTable } from './pod-metrics-otlp.js';

const CaseSchema = z.object({
  id: z.string(),
  inject_epoch_s: z.number(),
  fault_end_epoch_s: z.number(),
  root_cause_service: z.string(),
  fault_type: z.string(),
  files: z.object({ metric_dir: z.string() }),
});
const CasesSchema = z.object({ cases: z.array(CaseSchema) });

export interface BoutiqueCase {
  id: string;
  fromMs: number;
  toMs: number;
  service: string;
  faultType: string;
  metricDir: string;
}

export interface PodTable {
  pod: string;
  table: MetricTable;
}

export function readCases(dataDir: string): BoutiqueCase[] {
  const parsed = CasesSchema.parse(JSON.parse(readFileSync(join(dataDir, 'cases.json'), 'utf8')));
  return parsed.cases.map((c) => ({
    id: c.id,
    fromMs: c.inject_epoch_s * 1000,
    toMs: c.fault_end_epoch_s * 1000,
    service: c.root_cause_service,
    faultType: c.fault_type,
    metricDir: c.files.metric_dir,
  }));
}

const POD_FILE = /^(.+)_metric\.csv\.gz$/;

/** Every pod's table in one metric folder (the call graph and per-edge files are not pods'). */
export function readPodTables(dataDir: string, metricDir: string): PodTable[] {
  const folder = join(dataDir, metricDir);
  return readdirSync(folder)
    .sort()
    .flatMap((file) => {
      const pod = POD_FILE.exec(file)?.[1];
      if (pod === undefined) return [];
      return [{ pod, table: parseMetricTable(gunzipSync(readFileSync(join(folder, file))).toString('utf8')) }];
    });
}
