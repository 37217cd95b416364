/**
 * One entry point from "a decoded message of some signal" to the intermediate shape, used by
 * both the protobuf and the JSON decoder. Shape errors become OPS_ERR_BAD_PAYLOAD naming the
 * field path.
 */
import { OpsError } from '../../core/errors.js';
import { normaliseLogs } from './normalise-logs.js';
import { normaliseMetrics } from './normalise-metrics.js';
import { normaliseTraces } from './normalise-traces.js';
import { OtlpShapeError } from './otlp-shape-error.js';
import type { OtlpRequestBySignal, OtlpSignal } from './otlp-types.js';

const NORMALISERS: { [S in OtlpSignal]: (request: unknown) => OtlpRequestBySignal[S] } = {
  metrics: normaliseMetrics,
  traces: normaliseTraces,
  logs: normaliseLogs,
};

export function normaliseOtlpRequest<S extends OtlpSignal>(signal: S, request: unknown): OtlpRequestBySignal[S] {
  try {
    return NORMALISERS[signal](request);
  } catch (error) {
    if (error instanceof OtlpShapeError) throw new OpsError('OPS_ERR_BAD_PAYLOAD', [error.message], { cause: error });
    throw error;
  }
}
