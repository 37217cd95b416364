/** Log template mining (issue 4): the public entry point of src/observe/logs. Pure. */
export { extractParameters, parameterPattern } from './extract-parameters.js';
export { compileLineFormat, HEADER_WINDOW, lineContent, type LineFormat } from './line-format.js';
export { BUILTIN_MASKS, maskContent, WILDCARD, type LogMask } from './masks.js';
export { DEFAULT_MINER_SETTINGS, DRAIN_BASELINE_SETTINGS, MinerSettingsSchema, type MinerSettings } from './miner-config.js';
export {
  MINER_SNAPSHOT_VERSION,
  MinerSnapshotSchema,
  type MinerSnapshot,
  type TemplateChange,
  type UserMask,
} from './miner-snapshot.js';
export { TemplateMiner, type MineResult, type MinerOptions, type MinerStats, type TemplateInfo } from './template-miner.js';
