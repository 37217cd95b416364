/**
 * What an OTLP/HTTP request body is: its encoding (from Content-Type) and its bytes after
 * Content-Encoding. Decompression is capped at the body limit, so a small gzip bomb cannot
 * inflate into gigabytes before anything checks its size.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { OpsError } from '../core/errors.js';
import type { OtlpEncoding } from '../ingest/otlp/encode-export-response.js';

const gunzipAsync = promisify(gunzip);

export const ACCEPTED_CONTENT_TYPES = 'application/x-protobuf or application/json';

const ENCODING_BY_MEDIA_TYPE: Readonly<Record<string, OtlpEncoding>> = {
  'application/x-protobuf': 'protobuf',
  'application/json': 'json',
};

/** The media type without parameters, lowercased; '' when absent. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The OTLP encoding of a Content-Type, or undefined when it is not one OTLP/HTTP defines. */
export function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  return ENCODING_BY_MEDIA_TYPE[mediaTypeOf(contentType)];
}

export function unsupportedMediaType(contentType: string | undefined): OpsError {
  const received = contentType === undefined || contentType.trim() === '' ? '(none)' : JSON.stringify(contentType);
  return new OpsError('OPS_ERR_UNSUPPORTED_MEDIA_TYPE', [received, ACCEPTED_CONTENT_TYPES]);
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

/** The body after Content-Encoding (gzip or identity); other codings → 415. */
export async function decodeContent(
  body: Buffer,
  contentEncoding: string | undefined,
  options: { contentType: string | undefined; bodyLimitBytes: number },
): Promise<Buffer> {
  const coding = (contentEncoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return body;
  if (coding !== 'gzip' && coding !== 'x-gzip') {
    throw new OpsError('OPS_ERR_UNSUPPORTED_MEDIA_TYPE', [
      `${mediaTypeOf(options.contentType)} with Content-Encoding ${JSON.stringify(contentEncoding)}`,
      'Content-Encoding gzip or identity',
    ]);
  }
  try {
    return await gunzipAsync(body, { maxOutputLength: options.bodyLimitBytes });
  } catch (error) {
    if (isBufferTooLarge(error)) {
      throw new OpsError('OPS_ERR_BODY_TOO_LARGE', [String(options.bodyLimitBytes)], { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new OpsError('OPS_ERR_BAD_PAYLOAD', [`gzip body cannot be decompressed (${reason})`], { cause: error });
  }
}
