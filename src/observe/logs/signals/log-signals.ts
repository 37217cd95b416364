/**
 * Log signals (docs/logs.md "Log signals"): new templates weighted by severity, template
 * frequency anomalies and error bursts per service, each carrying the templates and the log
 * query behind it. Pure: mined logs in, the derived count points and signals out; time comes
 * from the logs.
 *
 * Frequency anomalies and error bursts are not a detector of their own: the per-bucket counts
 * (`log.template.count`, `log.errors.count`) go through the metric detector like any series, so
 * they get its scoring, explanations, seasonality and sensitivity rules. This class only adds
 * the log evidence to what the detector says about them.
 */
import type { MetricPoint, MinedLog, Signal } from '../../../core/records.js';
import { logBucketPoints } from './log-bucket-points.js';
import { LogCountBuckets } from './log-count-buckets.js';
import { logEvidence } from './log-evidence.js';
import { ERROR_COUNT_METRIC, ERROR_SEVERITY, TEMPLATE_COUNT_METRIC, TEMPLATE_LABEL } from './log-series.js';
import type { LogSignalSettings } from './log-signal-settings.js';
import { NewTemplateAlerts } from './new-template-alerts.js';
import { RecentLogBuckets, type TemplateCount } from './recent-log-buckets.js';

/** Buckets of lines a signal's evidence spans: the onset and what follows it (or, for a drop, what preceded it). */
const EVIDENCE_BUCKETS = 3;

/** The metric detector, as log signals use it (DetectorBank). */
export interface CountDetector {
  observe(points: readonly MetricPoint[]): Signal[];
}

export interface LogSignalOutput {
  /** The count series' new points, for storing and charting. */
  points: MetricPoint[];
  signals: Signal[];
}

export class LogSignals {
  readonly #bucketMs: number;
  readonly #detector: CountDetector;
  readonly #counts: LogCountBuckets;
  readonly #recent = new RecentLogBuckets();
  readonly #newTemplates: NewTemplateAlerts;

  constructor(settings: LogSignalSettings, detector: CountDetector) {
    this.#bucketMs = settings.bucketMs;
    this.#detector = detector;
    this.#counts = new LogCountBuckets({ bucketMs: settings.bucketMs, templatesPerService: settings.templatesPerService });
    this.#newTemplates = new NewTemplateAlerts({
      warmupLines: settings.warmupLines,
      minSeverity: settings.newTemplateMinSeverity,
      alertsPerHour: settings.newTemplateAlertsPerHour,
    });
  }

  /** Logs that arrived after their bucket had closed: in the store, not in the counts. */
  get lateLogs(): number {
    return this.#counts.late;
  }

  observe(logs: readonly MinedLog[]): LogSignalOutput {
    const points: MetricPoint[] = [];
    for (const bucket of this.#counts.add(logs)) {
      this.#recent.add(bucket);
      points.push(...logBucketPoints(bucket));
    }
    const anomalies = this.#detector.observe(points).map((signal) => this.#withEvidence(signal));
    return { points, signals: [...this.#newTemplates.observe(logs), ...anomalies] };
  }

  /** A firing count anomaly with the templates and lines behind it. */
  #withEvidence(signal: Signal): Signal {
    if (signal.status !== 'firing' || !signal.service || !signal.evidence) return signal;
    const { service } = signal;
    const drop = signal.evidence.direction === 'down';
    const fromMs = drop ? signal.timeMs - EVIDENCE_BUCKETS * this.#bucketMs : signal.timeMs;
    const toMs = drop ? signal.timeMs + this.#bucketMs - 1 : signal.timeMs + EVIDENCE_BUCKETS * this.#bucketMs - 1;
    const window = { fromMs, toMs };
    if (signal.evidence.metric === ERROR_COUNT_METRIC) {
      const templates = this.#recent.templates(service, window, true);
      return { ...signal, logs: logEvidence({ service, templates, ...window, minSeverity: ERROR_SEVERITY }) };
    }
    const templateId = signal.labels[TEMPLATE_LABEL];
    if (signal.evidence.metric !== TEMPLATE_COUNT_METRIC || templateId === undefined) return signal;
    const template: TemplateCount = this.#recent.templates(service, window, false).find((t) => t.templateId === templateId) ?? {
      templateId,
      template: this.#counts.templateOf(service, templateId) ?? templateId,
      count: 0,
    };
    return { ...signal, logs: logEvidence({ service, templates: [template], ...window }) };
  }
}
