/**
 * The grouping model: a logistic score over the four features, join when the score reaches
 * the threshold. It starts from hand-set weights: time counts most (no other evidence alone
 * joins an alert minutes after the incident last grew), then topology; labels and text tip
 * the balance (set on bench:correlate's seeds 1-3, docs/benchmarks.md) and learns from operators' merges and
 * splits by online logistic regression (one stochastic gradient step per example, the step
 * bounded so one correction cannot swing the model; cf. Bishop, PRML §4.3.2). Pure.
 */
import { z } from 'zod';
import { FEATURE_NAMES, type FeatureName, type Features } from './features.js';

export const GroupingWeightsSchema = z
  .object({
    bias: z.number(),
    time: z.number(),
    topology: z.number(),
    labels: z.number(),
    text: z.number(),
  })
  .strict();
export type GroupingWeights = z.infer<typeof GroupingWeightsSchema>;

export const DEFAULT_WEIGHTS: GroupingWeights = Object.freeze({ bias: -5, time: 4, topology: 2.5, labels: 2, text: 2 });

/** Learning rate and the bounds that keep feedback from running away. */
const LEARNING_RATE = 0.5;
const MAX_STEP = 0.75;
const MAX_WEIGHT = 10;

export const GroupingModelStateSchema = z.object({ weights: GroupingWeightsSchema, examples: z.number().int().min(0) });
export type GroupingModelState = z.infer<typeof GroupingModelStateSchema>;

export class GroupingModel {
  private weights: GroupingWeights;
  private learned: number;

  constructor(
    readonly threshold: number,
    state: GroupingModelState = { weights: DEFAULT_WEIGHTS, examples: 0 },
  ) {
    this.weights = { ...state.weights };
    this.learned = state.examples;
  }

  score(features: Features): number {
    return logistic(this.logit(features));
  }

  /**
   * The highest score the features can give whatever value in [0, 1] `unknown` turns out to
   * have: the sum is linear in it, so one of the two ends is the highest, whatever the weight's sign.
   */
  scoreBound(features: Features, unknown: FeatureName): number {
    // Set in place and restored: this runs for every candidate of every alert.
    const known = features[unknown];
    features[unknown] = this.weights[unknown] >= 0 ? 1 : 0;
    const bound = this.score(features);
    features[unknown] = known;
    return bound;
  }

  /** One feedback example: these features should (joined) or should not have grouped. */
  learn(features: Features, joined: boolean): void {
    const error = (joined ? 1 : 0) - this.score(features);
    const step = (x: number) => clamp(LEARNING_RATE * error * x, MAX_STEP);
    this.weights.bias = clamp(this.weights.bias + step(1), MAX_WEIGHT);
    for (const name of FEATURE_NAMES) this.weights[name] = clamp(this.weights[name] + step(features[name]), MAX_WEIGHT);
    this.learned++;
  }

  /** Summed in FEATURE_NAMES order, written out: scoring runs for every candidate of every alert. */
  private logit(features: Features): number {
    const w = this.weights;
    return w.bias + w.time * features.time + w.topology * features.topology + w.labels * features.labels + w.text * features.text;
  }

  state(): GroupingModelState {
    return { weights: { ...this.weights }, examples: this.learned };
  }
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function clamp(value: number, bound: number): number {
  return Math.max(-bound, Math.min(bound, value));
}
