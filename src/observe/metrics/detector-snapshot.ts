/**
 * The persisted form of one SeriesDetector's state: its model (model/model-state.ts) and its
 * episode state machine. Pure: plain JSON in and out.
 *
 * Snapshots outlive the code that wrote them, so every restore goes through this schema: a row
 * that is corrupt, or from a version we no longer read, is rejected (and the series relearns
 * from cold start) instead of poisoning a model or crashing startup.
 */
import { z } from 'zod';
import { DirectionSchema } from '../../core/records.js';
import { ModelStateSchema } from './model/model-state.js';

/** Bump when the shape or meaning changes; older rows are then skipped, not misread. */
export const DETECTOR_SNAPSHOT_VERSION = 5;

const finite = z.number().finite();

const PointScoreSchema = z.object({
  timeMs: finite,
  value: finite,
  expected: finite,
  lower: finite,
  upper: finite,
  z: finite,
  scale: finite,
  score: finite,
  alarmScore: finite,
  anomalous: z.boolean(),
});

export const DetectorSnapshotSchema = z.object({
  version: z.literal(DETECTOR_SNAPSHOT_VERSION),
  model: ModelStateSchema,
  streak: z.array(PointScoreSchema),
  normalStreak: z.number().int().min(0),
  deviation: z.object({ sinceMs: finite, direction: DirectionSchema }).nullable(),
  runScores: z.array(finite),
  episode: z.object({ peak: PointScoreSchema, direction: DirectionSchema }).nullable(),
});

export type DetectorSnapshot = z.infer<typeof DetectorSnapshotSchema>;

/** The snapshot in `value`, or undefined when it is not a readable one. */
export function parseDetectorSnapshot(value: unknown): DetectorSnapshot | undefined {
  const result = DetectorSnapshotSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
