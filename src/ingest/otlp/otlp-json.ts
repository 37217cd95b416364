/**
 * OTLP/JSON bodies → the intermediate shape. OTLP/JSON is not canonical proto3 JSON (hex ids,
 * int64 as strings or numbers, enums as ints, camelCase keys); field-readers.ts absorbs those
 * differences, and snake_case keys are accepted too for hand-written or older emitters.
 */
import { OpsError } from '../../core/errors.js';
import { normaliseOtlpRequest } from './normalise-otlp-request.js';
import type { OtlpRequestBySignal, OtlpSignal } from './otlp-types.js';

const decoder = new TextDecoder('utf-8');

export function parseOtlpJson<S extends OtlpSignal>(signal: S, body: Uint8Array): OtlpRequestBySignal[S] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OpsError('OPS_ERR_BAD_PAYLOAD', [`body is not valid JSON (${reason})`], { cause: error });
  }
  return normaliseOtlpRequest(signal, parsed);
}
