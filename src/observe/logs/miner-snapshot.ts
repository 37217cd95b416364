/**
 * The persisted form of a TemplateMiner: plain JSON, checked by zod on every restore. Pure.
 *
 * A snapshot outlives the code that wrote it, so a corrupt one, or one from a version we no
 * longer read, is rejected with the reason instead of half-restoring a miner whose ids would
 * then drift.
 */
import { z } from 'zod';
import { MinerSettingsSchema } from './miner-config.js';

/** Bump when the shape or meaning changes. */
export const MINER_SNAPSHOT_VERSION = 1;

const count = z.number().int().min(0);

export const UserMaskSchema = z.object({
  name: z.string().min(1),
  /** A JavaScript regular expression source. */
  pattern: z.string().min(1),
  /** Flags besides `g` (always added): `i`, `u`, `m`, `s`. */
  flags: z.string().regex(/^[imsu]*$/).default(''),
  replacement: z.string().default('<*>'),
});
export type UserMask = z.input<typeof UserMaskSchema>;

export const TemplateChangeSchema = z.object({
  /** Line number (1-based, over this miner's lifetime) of the message that caused the change. */
  seq: count,
  from: z.string(),
  to: z.string(),
});
export type TemplateChange = z.infer<typeof TemplateChangeSchema>;

export const TemplateStateSchema = z.object({
  id: z.string().min(1),
  tokens: z.array(z.string()).min(1),
  count: count,
  firstSeq: count,
  lastSeq: count,
  changes: z.array(TemplateChangeSchema),
});
export type TemplateState = z.infer<typeof TemplateStateSchema>;

export const MinerSnapshotSchema = z
  .object({
    version: z.literal(MINER_SNAPSHOT_VERSION),
    settings: MinerSettingsSchema,
    masks: z.array(UserMaskSchema),
    seq: count,
    /** Least recently used first. */
    templates: z.array(TemplateStateSchema),
  })
  .superRefine((snapshot, ctx) => {
    const ids = new Set<string>();
    snapshot.templates.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'id'], message: `duplicate template id ${t.id}` });
      ids.add(t.id);
      if (t.lastSeq > snapshot.seq || t.firstSeq > t.lastSeq) {
        ctx.addIssue({ code: 'custom', path: ['templates', i], message: 'firstSeq ≤ lastSeq ≤ seq does not hold' });
      }
    });
  });
export type MinerSnapshot = z.infer<typeof MinerSnapshotSchema>;
