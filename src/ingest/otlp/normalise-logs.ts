/**
 * ExportLogsServiceRequest (decoded protobuf or parsed OTLP/JSON) → OtlpLogsRequest.
 */
import { fieldOf, readEnum, readId, readInt64, readString, type Message } from './field-readers.js';
import { readAnyValue, readAttributes } from './read-any-value.js';
import { readResourceGroups } from './read-resource-groups.js';
import { within } from './otlp-shape-error.js';
import type { OtlpLog, OtlpLogsRequest } from './otlp-types.js';
import { SEVERITY_NUMBER_NAMES } from './severity-text.js';

function readLog(log: Message): OtlpLog {
  const body = fieldOf(log, 'body');
  return {
    timeUnixNano: readInt64(log, 'timeUnixNano'),
    observedTimeUnixNano: readInt64(log, 'observedTimeUnixNano'),
    severityNumber: readEnum(log, 'severityNumber', SEVERITY_NUMBER_NAMES),
    severityText: readString(log, 'severityText'),
    body: body === undefined ? undefined : within('body', () => readAnyValue(body)),
    attributes: readAttributes(log),
    traceId: readId(log, 'traceId'),
    spanId: readId(log, 'spanId'),
  };
}

export function normaliseLogs(request: unknown): OtlpLogsRequest {
  return readResourceGroups(request, { resources: 'resourceLogs', scopes: 'scopeLogs', items: 'logRecords' }, readLog);
}
