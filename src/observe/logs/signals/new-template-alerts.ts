/**
 * New log templates as signals, weighted by severity. Pure: mined logs in, signals out; time
 * comes from the logs.
 *
 * A template is new when its service's miner creates it after having mined `warmupLines`
 * lines. The miner's line position survives restarts in its snapshot, so neither a cold start
 * (everything is new) nor a restart (the restored miner knows its templates) makes a storm.
 * Only templates whose first line is at `minSeverity` or above can alert: a new ERROR line is
 * news, a new INFO line is usually a new code path doing its job (it is still in the log
 * patterns, with its first-seen time). Severity sets how much it takes: a new FATAL message
 * alerts on its first line; a new ERROR message once it has logged ERROR_LINES lines within
 * REPEAT_WINDOW_MS, because a service's rare errors show up for the first time now and then
 * in normal traffic (one line), while a bad release or a broken dependency repeats its new
 * error. At most `alertsPerHour` per service in any hour of event time, so a release that adds
 * a dozen error messages opens a few alerts, not a dozen.
 *
 * The alert fires while the template keeps logging and resolves once it has been quiet for
 * QUIET_MS, or NEW_FOR_MS after it appeared: by then it is no longer new, and its count series
 * watches its rate like any other template's.
 */
import { stableHash } from '../../../core/ids.js';
import type { MinedLog, Severity, Signal } from '../../../core/records.js';
import { logEvidence } from './log-evidence.js';
import { ERROR_SEVERITY, FATAL_SEVERITY, TEMPLATE_LABEL, severityName } from './log-series.js';

/** Short, so the incident of a fault that ended resolves and the next fault gets its own. */
export const QUIET_MS = 2 * 60_000;
export const NEW_FOR_MS = 60 * 60_000;
export const ERROR_LINES = 3;
export const REPEAT_WINDOW_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/** New templates waiting for their repeats; beyond this the oldest waits no more. */
const MAX_WATCHED = 10_000;
/** Long templates are cut in summaries; the evidence keeps the whole text. */
const SUMMARY_TEMPLATE_CHARS = 160;

export interface NewTemplateOptions {
  warmupLines: number;
  minSeverity: number;
  alertsPerHour: number;
}

/** A new template being watched: waiting for its repeats, or with its alert firing. */
interface Watched {
  first: MinedLog;
  /** The template as its latest line left it (it may have been refined since the first). */
  template: string;
  lines: number;
  lastMs: number;
  signal?: Signal;
  /** Over the hourly limit: watched until it expires, never alerted. */
  dropped?: boolean;
}

export class NewTemplateAlerts {
  readonly #options: NewTemplateOptions;
  /** Service and template id → the new template; each leaves within REPEAT_WINDOW_MS or NEW_FOR_MS. */
  readonly #watched = new Map<string, Watched>();
  /** Service → event times of its recent alerts, oldest first. */
  readonly #recent = new Map<string, number[]>();
  #watermarkMs = Number.NEGATIVE_INFINITY;

  constructor(options: NewTemplateOptions) {
    this.#options = options;
  }

  observe(logs: readonly MinedLog[]): Signal[] {
    const signals: Signal[] = [];
    for (const log of logs) {
      this.#watermarkMs = Math.max(this.#watermarkMs, log.timeMs);
      // A plain key, not the fingerprint: this runs for every line, and a hash per line costs.
      const watched = this.#watched.size > 0 ? this.#watched.get(keyOf(log)) : undefined;
      if (watched) {
        watched.lines += 1;
        watched.template = log.template;
        watched.lastMs = Math.max(watched.lastMs, log.timeMs);
      } else if (this.#isNews(log)) {
        if (this.#watched.size >= MAX_WATCHED) this.#watched.delete(this.#watched.keys().next().value as string);
        this.#watched.set(keyOf(log), { first: log, template: log.template, lines: 1, lastMs: log.timeMs });
      }
    }
    for (const [key, watched] of this.#watched) {
      const firing = watched.signal;
      if (!firing && !watched.dropped && watched.lines >= linesToAlert(watched.first) && watched.lastMs - watched.first.timeMs <= REPEAT_WINDOW_MS) {
        const signal = this.#fire(watched);
        if (signal) signals.push(signal);
      } else if (firing && (this.#watermarkMs - watched.lastMs >= QUIET_MS || this.#watermarkMs - watched.first.timeMs >= NEW_FOR_MS)) {
        this.#watched.delete(key);
        signals.push({ ...firing, status: 'resolved', timeMs: watched.lastMs, summary: `${firing.name} no longer new` });
      } else if (!firing && this.#watermarkMs - watched.first.timeMs > REPEAT_WINDOW_MS) {
        this.#watched.delete(key);
      }
    }
    return signals;
  }

  #isNews(log: MinedLog): boolean {
    return log.change === 'created' && (log.minerLine ?? 0) > this.#options.warmupLines && log.severityNumber >= this.#options.minSeverity;
  }

  /** Takes one of the service's alerts for this hour, if any is left. */
  #allow(service: string, timeMs: number): boolean {
    const times = (this.#recent.get(service) ?? []).filter((t) => t > timeMs - HOUR_MS);
    if (times.length >= this.#options.alertsPerHour) return false;
    times.push(timeMs);
    this.#recent.set(service, times);
    return true;
  }

  /** The firing signal of a new template that logged enough, unless its service is over the hourly limit. */
  #fire(watched: Watched): Signal | undefined {
    const { first: log, lines, template: text } = watched;
    if (!this.#allow(log.service, log.timeMs)) {
      watched.dropped = true;
      return undefined;
    }
    const level = severityName(log.severityNumber);
    const template = text.length > SUMMARY_TEMPLATE_CHARS ? `${text.slice(0, SUMMARY_TEMPLATE_CHARS)}…` : text;
    watched.signal = {
      kind: 'anomaly',
      source: 'logs',
      fingerprint: stableHash('log-new-template', log.service, log.templateId),
      name: `new ${level} log template`,
      service: log.service,
      status: 'firing',
      severity: severityOf(log.severityNumber),
      // The onset is the first line, not the repeat that made it news.
      timeMs: log.timeMs,
      summary: `${log.service} logs a new ${level} message: ${template}`,
      labels: { [TEMPLATE_LABEL]: log.templateId },
      logs: logEvidence({ service: log.service, templates: [{ templateId: log.templateId, template: text, count: lines }], fromMs: log.timeMs }),
    };
    return watched.signal;
  }
}

/** A new FATAL message is news on its first line; a new ERROR message once it repeats. */
function linesToAlert(first: MinedLog): number {
  return first.severityNumber >= FATAL_SEVERITY ? 1 : ERROR_LINES;
}

function keyOf(log: MinedLog): string {
  return `${log.service}\u0000${log.templateId}`;
}

/** One new line is weaker evidence than a detector's episode: FATAL is an error, ERROR a warning. */
function severityOf(severityNumber: number): Severity {
  if (severityNumber >= FATAL_SEVERITY) return 'error';
  return severityNumber >= ERROR_SEVERITY ? 'warning' : 'info';
}
