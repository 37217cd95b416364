/**
 * opsloop's streaming detector (src/observe/metrics: a robust z-score against the rolling
 * median/MAD of recent normal points) as a per-point NAB score, with the defaults opsloop
 * ships (ConfigSchema) and the semantics of a metric it knows nothing about (both directions,
 * no floor): NAB's names are not opsloop's, and one configuration must serve every file.
 *
 * Score = |z| / (|z| + threshold). NAB's threshold sweep only sees the order of scores, so any
 * increasing map of |z| scores the same, provided it does not create ties. This one maps the
 * detector's own alarm threshold to 0.5 and keeps |z| values apart up to ~10^16, whereas
 * 1 − exp(−|z|/k) or a logistic rounds to exactly 1.0 past |z| ≈ 37k and would tie the
 * strongest anomalies with each other. Rows learned during the cold start score 0.
 */
import { ConfigSchema } from '../../../src/core/config.js';
import { metricSemantics } from '../../../src/observe/metrics/metric-semantics.js';
import { SeriesDetector } from '../../../src/observe/metrics/series-detector.js';
import type { NabDetector } from './nab-detector.js';

const settings = ConfigSchema.parse({}).detector;

export function scoreFromZ(z: number, threshold: number): number {
  const magnitude = Math.abs(z);
  return Number.isFinite(magnitude) ? magnitude / (magnitude + threshold) : 1;
}

export const opsloopDetector: NabDetector = {
  name: 'opsloop',
  description: `SeriesDetector (median/MAD z, window ${settings.windowPoints}, threshold ${settings.threshold})`,
  create() {
    const detector = new SeriesDetector(settings, metricSemantics('value'));
    return (timeMs, value) => {
      detector.observe(timeMs, value);
      const point = detector.lastScore;
      return point ? scoreFromZ(point.z, settings.threshold) : 0;
    };
  },
};
