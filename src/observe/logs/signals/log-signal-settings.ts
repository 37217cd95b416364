/** The settings log signals run with, from the configuration (`logs.signals`). Pure. */
import type { Config } from '../../../core/config.js';

export type LogSignalConfig = Config['logs']['signals'];

export interface LogSignalSettings {
  /** Width of the count buckets, event time. */
  bucketMs: number;
  /** Templates per service with a count series; the least recently seen gives way. */
  templatesPerService: number;
  /** Lines a service's miner has mined before a template it creates counts as new. */
  warmupLines: number;
  /** Lowest OTLP severity number whose new templates alert (above 24: none do). */
  newTemplateMinSeverity: number;
  /** New-template alerts per service in any hour of event time; more are dropped. */
  newTemplateAlertsPerHour: number;
}

/** The first OTLP severity number of each range (logs data model); `off` is above them all. */
const SEVERITY_FLOOR = { warn: 13, error: 17, fatal: 21, off: 25 } as const;

export function logSignalSettings(config: LogSignalConfig): LogSignalSettings {
  return {
    bucketMs: config.bucketSeconds * 1000,
    templatesPerService: config.templatesPerService,
    warmupLines: config.warmupLines,
    newTemplateMinSeverity: SEVERITY_FLOOR[config.newTemplateSeverity],
    newTemplateAlertsPerHour: config.newTemplateAlertsPerHour,
  };
}
