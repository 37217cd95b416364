/**
 * The four measurements behind every grouping decision, each in [0, 1] (1: as close as it
 * gets). The model (grouping-model.ts) weighs them; feedback examples store them. Pure.
 */
export const FEATURE_NAMES = ['time', 'topology', 'labels', 'text'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** Time proximity: 1 at once, halving every `halfLifeMs` between the incident's last new alert and this one. */
export function timeProximity(gapMs: number, halfLifeMs: number): number {
  return gapMs <= 0 ? 1 : 0.5 ** (gapMs / halfLifeMs);
}

/** Topology: 1 on the same service, 1/2 one hop away, 1/3 two hops; 0 when unknown or beyond reach. */
export function topologyCloseness(hops: number | undefined): number {
  return hops === undefined ? 0 : 1 / (1 + hops);
}

export function roundFeatures(features: Features): Features {
  const out = {} as Features;
  for (const name of FEATURE_NAMES) out[name] = Math.round(features[name] * 1000) / 1000;
  return out;
}
