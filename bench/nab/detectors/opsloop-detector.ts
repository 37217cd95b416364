/**
 * opsloop's production detector (src/observe/metrics: SeriesDetector over a SeriesModel) with
 * the defaults opsloop ships (ConfigSchema) and the semantics of a metric it knows nothing
 * about (both directions, no floor): NAB's names are not opsloop's, and one configuration must
 * serve every file.
 *
 * The score of a row is the detector's alarm score: the anomaly score of a point that would open
 * a new episode (it deviates enough and none is open), else 0. opsloop raises one alert when an
 * episode opens and keeps it open while the deviation lasts, so later rows of the same episode
 * are not new detections — NAB would otherwise count them as false positives.
 */
import { ConfigSchema } from '../../../src/core/config.js';
import { detectorSettingsFor } from '../../../src/observe/metrics/detector-settings.js';
import { metricSemantics } from '../../../src/observe/metrics/metric-semantics.js';
import { SeriesDetector } from '../../../src/observe/metrics/series-detector.js';
import type { NabDetector } from './nab-detector.js';

const config = ConfigSchema.parse({}).detector;
const settings = detectorSettingsFor(config, { name: 'value', service: '', labels: {} });

export const opsloopDetector: NabDetector = {
  name: 'opsloop',
  description: `SeriesDetector (context novelty → anomaly likelihood; learn ${settings.learnPoints}, threshold ${settings.threshold}, firing ${settings.firingPoints})`,
  create() {
    const detector = new SeriesDetector(settings, metricSemantics('value'));
    return (timeMs, value) => {
      detector.observe(timeMs, value);
      return detector.lastScore?.alarmScore ?? 0;
    };
  },
};
