/** OtlpLogsRequest → LogRecords, rejecting records with no time at all. */
import type { LogRecord } from '../../core/records.js';
import { nanosToMs } from './nano-time.js';
import type { OtlpLogsRequest } from './otlp-types.js';
import { toAttributes, valueText } from './otlp-values.js';
import { Rejections } from './rejections.js';
import { entityFromResource } from './resource-entity.js';
import { severityTextFor } from './severity-text.js';
import { isValidId } from './valid-id.js';

export interface LogConversion {
  logs: LogRecord[];
  rejected: number;
  errorMessage: string;
}

export function logsToRecords(request: OtlpLogsRequest): LogConversion {
  const rejections = new Rejections();
  const logs: LogRecord[] = [];
  for (const group of request) {
    const entity = entityFromResource(group.resource);
    for (const { items } of group.scopes) {
      for (const log of items) {
        // The data model says to use the observed time when the event time is unknown.
        const time = log.timeUnixNano > 0n ? log.timeUnixNano : log.observedTimeUnixNano;
        if (time <= 0n) {
          rejections.reject('timeUnixNano and observedTimeUnixNano are missing or zero');
          continue;
        }
        const severityNumber = log.severityNumber >= 0 && log.severityNumber <= 24 ? log.severityNumber : 0;
        const record: LogRecord = {
          ...entity,
          timeMs: nanosToMs(time),
          severityNumber,
          severityText: log.severityText !== '' ? log.severityText : severityTextFor(severityNumber),
          body: log.body === undefined ? '' : valueText(log.body),
          attributes: toAttributes(log.attributes),
        };
        if (isValidId(log.traceId, 32)) record.traceId = log.traceId;
        if (isValidId(log.spanId, 16)) record.spanId = log.spanId;
        logs.push(record);
      }
    }
  }
  return { logs, rejected: rejections.count, errorMessage: rejections.message() };
}
