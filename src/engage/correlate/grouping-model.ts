/**
 * The grouping model: a logistic score over the four features, join when the score reaches
 * the threshold. It starts from hand-set weights: time counts most (no other evidence alone
 * joins an alert minutes after the incident last grew), then topology; labels and text tip
 * the balance (set on bench:correlate's seeds 1-3, docs/benchmarks.md) and learns from operators' merges and
 * splits by online logistic regression (one stochastic gradient step per example, the step
 * bounded so one correction cannot swing the model; cf. Bishop, PRML §4.3.2). Pure.
 */
import { z } from 'zod';
import { FEATURE_NAMES, type Features } from './features.js';

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
    let z = this.weights.bias;
    for (const name of FEATURE_NAMES) z += this.weights[name] * features[name];
    return 1 / (1 + Math.exp(-z));
  }

  /** One feedback example: these features should (joined) or should not have grouped. */
  learn(features: Features, joined: boolean): void {
    const error = (joined ? 1 : 0) - this.score(features);
    const step = (x: number) => clamp(LEARNING_RATE * error * x, MAX_STEP);
    this.weights.bias = clamp(this.weights.bias + step(1), MAX_WEIGHT);
    for (const name of FEATURE_NAMES) this.weights[name] = clamp(this.weights[name] + step(features[name]), MAX_WEIGHT);
    this.learned++;
  }

  state(): GroupingModelState {
    return { weights: { ...this.weights }, examples: this.learned };
  }
}

function clamp(value: number, bound: number): number {
  return Math.max(-bound, Math.min(bound, value));
}
