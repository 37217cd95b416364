/**
 * The persisted form of a SeriesModel: plain JSON, typed arrays as base64 (a 2 KB bitset is
 * 2.7 KB of text instead of ~7 KB as a number array). Pure. Every restore goes through the zod
 * schema, so a corrupt row relearns instead of poisoning a model.
 */
import { z } from 'zod';
import { AnomalyLikelihood } from './anomaly-likelihood.js';
import { ContextNovelty, contextBits } from './context-novelty.js';
import { RobustLevel } from './robust-level.js';
import { SeasonalProfile } from './seasonal-profile.js';
import { DRIFT, SHIFT, ShiftCusum } from './shift-cusum.js';
import { StuckRun } from './stuck-run.js';
import { MODEL_CONSTANTS, SeriesModel, type ModelSettings } from './series-model.js';
import { ValueBins } from './value-bins.js';

const finite = z.number().finite();
/** JSON has no ±Infinity or NaN: they travel as null. */
const extended = finite.nullable();
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const ModelStateSchema = z.object({
  learned: z.number().int().min(0),
  learning: z.array(finite),
  low: extended,
  high: extended,
  seen: base64,
  recent: z.array(z.number().int().min(0).max(MODEL_CONSTANTS.bins - 1)),
  deviationSeen: base64,
  deviationRecent: z.array(z.number().int().min(0).max(MODEL_CONSTANTS.bins - 1)),
  likelihood: z.object({ mean: finite, variance: finite.min(0), count: z.number().int().min(0), recent: z.array(finite) }),
  level: z.object({ location: finite, scale: finite.min(0), meanDeviation: finite.min(0) }).nullable(),
  cusum: z.object({ up: finite.min(0), down: finite.min(0) }),
  drift: z.object({ up: finite.min(0), down: finite.min(0) }),
  stuck: z.object({ last: extended, run: z.number().int().min(0), repeatRate: finite.min(0).max(1), count: z.number().int().min(0) }),
  seasonal: z.object({
    ring: base64,
    head: z.number().int().min(0),
    filled: z.number().int().min(0),
    hour: extended,
    sum: finite,
    count: z.number().int().min(0),
    sinceCheck: z.number().int().min(0),
    period: z.union([z.literal(0), z.literal(24), z.literal(168)]),
    profile: base64,
    deviation: base64,
  }),
  lastTimeMs: extended,
  stepMs: finite.min(0),
});
export type ModelState = z.infer<typeof ModelStateSchema>;

export function snapshotModel(model: SeriesModel): ModelState {
  const p = model.parts;
  const { low, high } = p.bins.extremes;
  const novelty = p.novelty.state;
  const deviationNovelty = p.deviationNovelty.state;
  const seasonal = p.seasonal.state;
  const stuck = p.stuck.state;
  return {
    learned: p.learned,
    learning: [...p.learning],
    low: Number.isFinite(low) ? low : null,
    high: Number.isFinite(high) ? high : null,
    seen: toBase64(novelty.seen),
    recent: novelty.recent,
    deviationSeen: toBase64(deviationNovelty.seen),
    deviationRecent: deviationNovelty.recent,
    likelihood: p.likelihood.state,
    level: p.level ? p.level.state : null,
    cusum: p.cusum.state,
    drift: p.drift.state,
    stuck: { ...stuck, last: Number.isFinite(stuck.last) ? stuck.last : null },
    seasonal: {
      ...seasonal,
      ring: toBase64(new Uint8Array(seasonal.ring.buffer, seasonal.ring.byteOffset, seasonal.ring.byteLength)),
      profile: toBase64(new Uint8Array(seasonal.profile.buffer, seasonal.profile.byteOffset, seasonal.profile.byteLength)),
      deviation: toBase64(new Uint8Array(seasonal.deviation.buffer, seasonal.deviation.byteOffset, seasonal.deviation.byteLength)),
      hour: Number.isFinite(seasonal.hour) ? seasonal.hour : null,
    },
    lastTimeMs: Number.isFinite(p.lastTimeMs) ? p.lastTimeMs : null,
    stepMs: p.stepMs,
  };
}

/** Throws RangeError when array sizes do not fit the model (a snapshot from other constants). */
export function restoreModel(settings: ModelSettings, minScale: number, state: ModelState): SeriesModel {
  const seenBytes = Math.ceil(contextBits(MODEL_CONSTANTS.bins, MODEL_CONSTANTS.order) / 8);
  const seen = fromBase64(state.seen);
  const deviationSeen = fromBase64(state.deviationSeen);
  if (seen.length !== seenBytes || deviationSeen.length !== seenBytes) throw new RangeError(`novelty bitsets of ${seen.length} and ${deviationSeen.length} bytes`);
  const ring = new Float32Array(bytesFor(fromBase64(state.seasonal.ring), 4));
  const profile = new Float32Array(bytesFor(fromBase64(state.seasonal.profile), 4));
  const deviation = new Float32Array(bytesFor(fromBase64(state.seasonal.deviation), 4));
  if (profile.length !== state.seasonal.period || deviation.length !== state.seasonal.period || state.seasonal.head >= ring.length) {
    throw new RangeError('seasonal state does not fit');
  }
  return new SeriesModel(settings, minScale, {
    learned: state.learned,
    learning: [...state.learning],
    bins: new ValueBins(MODEL_CONSTANTS.bins, minScale * MODEL_CONSTANTS.bins, state.low ?? Infinity, state.high ?? -Infinity),
    novelty: ContextNovelty.restore(MODEL_CONSTANTS.bins, MODEL_CONSTANTS.order, seen, state.recent),
    deviationNovelty: ContextNovelty.restore(MODEL_CONSTANTS.bins, MODEL_CONSTANTS.order, deviationSeen, state.deviationRecent),
    likelihood: new AnomalyLikelihood(state.likelihood, MODEL_CONSTANTS.likelihoodHalfLife, MODEL_CONSTANTS.shortPoints),
    level: state.level
      ? new RobustLevel(state.level, MODEL_CONSTANTS.levelWeight, MODEL_CONSTANTS.levelClip, minScale)
      : undefined,
    cusum: new ShiftCusum(SHIFT, state.cusum),
    drift: new ShiftCusum(DRIFT, state.drift),
    stuck: new StuckRun({ ...state.stuck, last: state.stuck.last ?? Number.NaN }),
    seasonal: new SeasonalProfile({ ...state.seasonal, ring, profile, deviation, hour: state.seasonal.hour ?? Number.NaN }),
    lastTimeMs: state.lastTimeMs ?? Number.NEGATIVE_INFINITY,
    stepMs: state.stepMs,
  });
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** A copy aligned for a typed array of `width`-byte elements. */
function bytesFor(bytes: Uint8Array, width: number): ArrayBuffer {
  if (bytes.byteLength % width !== 0) throw new RangeError(`${bytes.byteLength} bytes is not a whole number of ${width}-byte values`);
  return bytes.slice().buffer;
}
