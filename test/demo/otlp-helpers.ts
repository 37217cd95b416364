/** Test helpers: flatten OTLP/JSON payloads and record HTTP requests on a local server. */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ExportLogsRequestJson,
  ExportMetricsRequestJson,
  ExportTraceRequestJson,
  KeyValueJson,
  LogRecordJson,
  MetricJson,
  SpanJson,
} from '../../src/demo/otlp-json.js';

export interface FlatSpan extends SpanJson {
  service: string;
  version: string;
  pod: string;
}

export function resourceAttr(attributes: readonly KeyValueJson[], key: string): string | number | boolean | undefined {
  const value = attributes.find((kv) => kv.key === key)?.value;
  if (!value) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  return value.boolValue;
}

export function attr(span: { attributes: readonly KeyValueJson[] }, key: string): string | number | boolean | undefined {
  return resourceAttr(span.attributes, key);
}

export function flattenSpans(request: ExportTraceRequestJson): FlatSpan[] {
  return request.resourceSpans.flatMap((rs) => {
    const service = String(resourceAttr(rs.resource.attributes, 'service.name'));
    const version = String(resourceAttr(rs.resource.attributes, 'service.version'));
    const pod = String(resourceAttr(rs.resource.attributes, 'k8s.pod.name'));
    return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, service, version, pod })));
  });
}

export function flattenLogs(request: ExportLogsRequestJson): (LogRecordJson & { service: string; pod: string })[] {
  return request.resourceLogs.flatMap((rl) => {
    const service = String(resourceAttr(rl.resource.attributes, 'service.name'));
    const pod = String(resourceAttr(rl.resource.attributes, 'k8s.pod.name'));
    return rl.scopeLogs.flatMap((sl) => sl.logRecords.map((record) => ({ ...record, service, pod })));
  });
}

export function flattenMetrics(request: ExportMetricsRequestJson): (MetricJson & { service: string; pod: string })[] {
  return request.resourceMetrics.flatMap((rm) => {
    const service = String(resourceAttr(rm.resource.attributes, 'service.name'));
    const pod = String(resourceAttr(rm.resource.attributes, 'k8s.pod.name'));
    return rm.scopeMetrics.flatMap((sm) => sm.metrics.map((metric) => ({ ...metric, service, pod })));
  });
}

export function durationMs(span: SpanJson): number {
  return Number(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) / 1e6;
}

/** Own time of each given span: its duration minus its direct synchronous children (client spans). */
export function selfTimesMs(spans: readonly SpanJson[], all: readonly SpanJson[]): number[] {
  const childTime = new Map<string, number>();
  for (const s of all) {
    if (s.kind !== 3 || s.parentSpanId === undefined) continue;
    childTime.set(s.parentSpanId, (childTime.get(s.parentSpanId) ?? 0) + durationMs(s));
  }
  return spans.map((span) => durationMs(span) - (childTime.get(span.spanId) ?? 0));
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Decides the answer to one request; undefined means 200 with an empty JSON body. */
export type Responder = (request: RecordedRequest, index: number, response: ServerResponse) => boolean | void;

export interface Recorder {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecorder(respond?: Responder): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      const index = requests.push(recorded) - 1;
      if (respond?.(recorded, index, res) === true) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
