/**
 * Turns one step's log entries into OTLP/JSON: every WARN/ERROR line the requests produced, and
 * a few INFO lines per running instance (sampled requests plus runtime housekeeping), so log
 * volume stays flat while errors stand out. Pure.
 */
import type { Fault } from '../core/api.js';
import { memoryLeakAt } from './fault-effects.js';
import type { Fleet, Instance } from './instances.js';
import { resourceOf } from './instances.js';
import { backgroundLine, gcPressureLine, infoLine, saturationLine } from './log-templates.js';
import type { ExportLogsRequestJson, LogRecordJson } from './otlp-json.js';
import { toKeyValues, toUnixNano } from './otlp-json.js';
import type { Rng } from './prng.js';
import { HEAP_SHARE } from './runtime-metrics.js';
import type { LogEntry, Severity, StepCollector } from './step-collector.js';

const SEVERITY_NUMBER: Record<Severity, number> = { INFO: 9, WARN: 13, ERROR: 17 };
const INFO_LINES_PER_STEP = 2;
const SCOPE = { name: 'opsloop.demo.logger', version: '0.1.0' };

export interface LogsContext {
  rng: Rng;
  fleet: Fleet;
  fromMs: number;
  toMs: number;
  /** The fault on this instance (its service or its pod) during the step. */
  faultOn(instance: Instance): Fault | undefined;
}

export function logsPayload(ctx: LogsContext, out: StepCollector, extra: readonly LogEntry[]): ExportLogsRequestJson {
  const { rng } = ctx;
  const entries: LogEntry[] = [...extra, ...out.logs];
  for (const instance of ctx.fleet.all) {
    const fault = ctx.faultOn(instance);
    if (fault?.kind === 'crash') continue;
    const candidates = out.infoCandidates.get(instance) ?? [];
    for (let i = 0; i < INFO_LINES_PER_STEP && candidates.length > 0; i++) {
      // Swap-remove a random candidate: sampling without replacement in O(1).
      const index = rng.int(0, candidates.length - 1);
      const candidate = candidates[index];
      candidates[index] = candidates[candidates.length - 1] as (typeof candidates)[number];
      candidates.pop();
      if (!candidate) continue;
      entries.push({
        instance,
        timeMs: candidate.timeMs,
        severity: 'INFO',
        body: infoLine(rng, candidate),
        traceId: candidate.traceId,
        spanId: candidate.spanId,
      });
    }
    const at = rng.uniform(ctx.fromMs, ctx.toMs);
    if (rng.chance(0.3)) entries.push({ instance, timeMs: at, severity: 'INFO', body: backgroundLine(rng, instance) });
    if (fault?.kind === 'cpu_saturation' && rng.chance(0.5)) {
      entries.push({ instance, timeMs: at, severity: 'WARN', body: saturationLine(rng, instance) });
    }
    const leak = memoryLeakAt(fault, at);
    if (leak.gcPressure > 0 && rng.chance(0.3 + 0.5 * leak.gcPressure)) {
      const heapMb = instance.memoryMb * HEAP_SHARE * (1 + leak.leaked);
      entries.push({ instance, timeMs: at, severity: 'WARN', body: gcPressureLine(rng, instance, heapMb) });
    }
  }

  const byInstance = new Map<Instance, LogRecordJson[]>();
  for (const entry of entries.sort((a, b) => a.timeMs - b.timeMs)) {
    const record: LogRecordJson = {
      timeUnixNano: toUnixNano(entry.timeMs),
      // Collected at the end of the step, as a log shipper would.
      observedTimeUnixNano: toUnixNano(Math.max(entry.timeMs, ctx.toMs)),
      severityNumber: SEVERITY_NUMBER[entry.severity],
      severityText: entry.severity,
      body: { stringValue: entry.body },
      attributes: toKeyValues({ 'log.iostream': entry.severity === 'INFO' ? 'stdout' : 'stderr' }),
    };
    if (entry.traceId !== undefined) record.traceId = entry.traceId;
    if (entry.spanId !== undefined) record.spanId = entry.spanId;
    const list = byInstance.get(entry.instance);
    if (list) list.push(record);
    else byInstance.set(entry.instance, [record]);
  }
  const resourceLogs: ExportLogsRequestJson['resourceLogs'] = [];
  for (const instance of ctx.fleet.all) {
    const logRecords = byInstance.get(instance);
    if (logRecords) resourceLogs.push({ resource: resourceOf(instance), scopeLogs: [{ scope: SCOPE, logRecords }] });
  }
  return { resourceLogs };
}
