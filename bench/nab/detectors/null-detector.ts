/** NAB's null detector: 0.5 for every row. The normalisation's zero; also a sanity check of the scorer. */
import { NULL_SCORE } from '../score-detector.js';
import type { NabDetector } from './nab-detector.js';

export const nullDetector: NabDetector = {
  name: 'null',
  description: 'constant 0.5 (NAB null detector)',
  create: () => () => NULL_SCORE,
};
