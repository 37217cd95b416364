/**
 * Runbooks recommended for an incident (docs/runbooks.md "Learning"): the runbooks whose
 * triggers match it, ranked by how they did on similar past incidents, with the evidence and
 * whether policy would let the best run with no human. Shared by the server and web/.
 */
import { z } from 'zod';

export const RunbookRecommendationSchema = z.object({
  runbookId: z.string(),
  runbookName: z.string(),
  by: z.enum(['incident', 'alert']).describe('Which trigger matched'),
  confidence: z.number().min(0).max(1).describe('Posterior mean success rate on similar incidents (a Beta(1,1) prior: 0.5 with no history)'),
  similar: z.number().int().describe('Past executions on incidents at least 0.5 similar'),
  successes: z.number().int(),
  failures: z.number().int(),
  rolledBack: z.number().int(),
  medianRecoveryMs: z.number().optional().describe('Median time from the start of a successful execution to recovery'),
  evidence: z.string().describe('In plain words, e.g. "fixed 4 of 5 similar incidents on checkout (latency), median recovery 2 min"'),
  autoRun: z.object({ allowed: z.boolean(), reason: z.string() }).describe('Whether policy lets it run with no human'),
});
export type RunbookRecommendationView = z.infer<typeof RunbookRecommendationSchema>;

export const RunbookRecommendationsResponseSchema = z.object({
  recommendations: z.array(RunbookRecommendationSchema).describe('Best first'),
});
export type RunbookRecommendationsResponse = z.infer<typeof RunbookRecommendationsResponseSchema>;
