/** The settings one series' detector runs with, from the configuration. Pure. */
import type { Config } from '../../core/config.js';
import { sensitivityFor, thresholdOf, type SeriesIdentity } from './sensitivity.js';
import type { DetectorSettings } from './series-detector.js';

export type DetectorConfig = Config['detector'];

export function detectorSettingsFor(config: DetectorConfig, series: SeriesIdentity): DetectorSettings {
  return {
    learnPoints: config.learnPoints,
    threshold: thresholdOf(sensitivityFor(series, config.rules, config.sensitivity)),
    firingPoints: config.firingPoints,
    resolvePoints: config.resolvePoints,
  };
}
