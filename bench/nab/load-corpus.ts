/**
 * Reads a NAB-layout directory: `data/<category>/<file>.csv`, `labels/combined_windows.json`
 * and `config/profiles.json` (NAB v1.1 repository layout). The only file-system code of the
 * scorer; everything after it is pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDataFile } from './parse-data-file.js';
import type { CostProfile, NabCorpus, NabFile } from './types.js';
import { windowRanges } from './window-ranges.js';

const LabelsSchema = z.record(z.string(), z.array(z.tuple([z.string(), z.string()])));
const ProfilesSchema = z.record(
  z.string(),
  z.object({ CostMatrix: z.object({ tpWeight: z.number(), fpWeight: z.number(), fnWeight: z.number() }) }),
);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export function loadCorpus(dir: string): NabCorpus {
  const labels = LabelsSchema.parse(readJson(join(dir, 'labels', 'combined_windows.json')));
  const profiles: Record<string, CostProfile> = {};
  for (const [name, profile] of Object.entries(ProfilesSchema.parse(readJson(join(dir, 'config', 'profiles.json'))))) {
    profiles[name] = profile.CostMatrix;
  }
  const files: NabFile[] = [];
  const dataDir = join(dir, 'data');
  for (const category of readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const fileName of readdirSync(join(dataDir, category)).filter((name) => name.endsWith('.csv')).sort()) {
      const relativePath = `${category}/${fileName}`;
      const windows = labels[relativePath];
      if (!windows) throw new RangeError(`${relativePath}: no entry in labels/combined_windows.json`);
      const columns = parseDataFile(readFileSync(join(dataDir, category, fileName), 'utf8'), relativePath);
      files.push({
        relativePath,
        category,
        fileName,
        ...columns,
        windows: windowRanges(windows, columns.timestampsUs, relativePath),
      });
    }
  }
  const missing = Object.keys(labels).filter((key) => !files.some((file) => file.relativePath === key));
  if (missing.length > 0) throw new RangeError(`labels name files missing from ${dataDir}: ${missing.join(', ')}`);
  const windowCount = Object.values(labels).reduce((sum, windows) => sum + windows.length, 0);
  return { files, profiles, windowCount };
}
