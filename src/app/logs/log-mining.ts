/**
 * Log ingest's analysis step, run before a batch is stored: clean each body (log-body.ts),
 * mine it with its service's miner, and say what the batch adds to each template's row.
 * Bad input never throws here: it is cut, repaired or left without a template, and counted.
 */
import type { LogIngestStats } from '../../core/api.js';
import type { LogRecord, MinedLog } from '../../core/records.js';
import type { MineResult, TemplateMiner } from '../../observe/logs/index.js';
import type { LogTemplateUpdate } from '../../store/store.js';
import { ORIGINAL_LENGTH_ATTRIBUTE, cleanLogBody } from './log-body.js';
import type { ServiceMiners } from './service-miners.js';

export interface MinedBatch {
  /** The batch as it is stored: cleaned bodies, template ids set. */
  logs: LogRecord[];
  templates: LogTemplateUpdate[];
  /** One per log that got a template, in batch order. */
  mined: MinedLog[];
}

export class LogMining {
  readonly #miners: ServiceMiners;
  readonly #stats: LogIngestStats = { lines: 0, mined: 0, empty: 0, truncated: 0, invalidText: 0, failed: 0, templatesEvicted: 0 };

  constructor(miners: ServiceMiners) {
    this.#miners = miners;
  }

  /** Counts since start. */
  stats(): LogIngestStats {
    return { ...this.#stats };
  }

  mine(logs: readonly LogRecord[]): MinedBatch {
    const stored: LogRecord[] = [];
    const mined: MinedLog[] = [];
    const templates = new Map<string, LogTemplateUpdate>();
    for (const log of logs) {
      const record = this.#clean(log);
      stored.push(record);
      const miner = this.#miners.minerOf(record.service);
      const result = this.#mineBody(miner, record.body);
      if (!result) continue;
      record.templateId = result.templateId;
      const event: MinedLog = {
        service: record.service,
        templateId: result.templateId,
        template: result.template,
        change: result.change,
        severityNumber: record.severityNumber,
        timeMs: record.timeMs,
      };
      if (result.change === 'created') event.minerLine = miner.template(result.templateId)?.firstSeq ?? 0;
      mined.push(event);
      addToTemplate(templates, event, result.change === 'refined' ? miner.template(result.templateId)?.changes.at(-1) : undefined);
    }
    this.#stats.lines += logs.length;
    this.#stats.mined += mined.length;
    return { logs: stored, templates: [...templates.values()], mined };
  }

  #clean(log: LogRecord): LogRecord {
    const { body, truncated, invalidText } = cleanLogBody(log.body);
    if (invalidText) this.#stats.invalidText++;
    if (!truncated) return body === log.body ? { ...log } : { ...log, body };
    this.#stats.truncated++;
    return { ...log, body, attributes: { ...log.attributes, [ORIGINAL_LENGTH_ATTRIBUTE]: log.body.length } };
  }

  /** The miner's answer, or undefined for a blank body or one the miner failed on (counted). */
  #mineBody(miner: TemplateMiner, body: string): MineResult | undefined {
    const evictedBefore = miner.stats.evicted;
    let result: MineResult | undefined;
    try {
      result = miner.add(body);
    } catch {
      // The log is still stored, without a template; a miner bug must not refuse telemetry.
      this.#stats.failed++;
      return undefined;
    }
    this.#stats.templatesEvicted += miner.stats.evicted - evictedBefore;
    if (!result) this.#stats.empty++;
    return result;
  }
}

function addToTemplate(
  templates: Map<string, LogTemplateUpdate>,
  log: MinedLog,
  change: { from: string; to: string } | undefined,
): void {
  const key = `${log.service}\u0000${log.templateId}`;
  let update = templates.get(key);
  if (!update) {
    update = {
      service: log.service,
      templateId: log.templateId,
      template: log.template,
      firstSeenMs: log.timeMs,
      lastSeenMs: log.timeMs,
      count: 0,
      maxSeverity: log.severityNumber,
      changes: [],
    };
    templates.set(key, update);
  }
  update.template = log.template;
  update.firstSeenMs = Math.min(update.firstSeenMs, log.timeMs);
  update.lastSeenMs = Math.max(update.lastSeenMs, log.timeMs);
  update.count++;
  update.maxSeverity = Math.max(update.maxSeverity, log.severityNumber);
  if (change) update.changes.push({ timeMs: log.timeMs, from: change.from, to: change.to });
}
