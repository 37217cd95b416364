/** Detectors the NAB bench can run, by name (a new detector is an entry here, not a branch in the CLI). */
import type { NabDetector } from './nab-detector.js';
import { nullDetector } from './null-detector.js';
import { opsloopDetector } from './opsloop-detector.js';
import { windowedGaussianDetector } from './windowed-gaussian.js';

export const DETECTORS: ReadonlyMap<string, NabDetector> = new Map(
  [opsloopDetector, nullDetector, windowedGaussianDetector].map((d) => [d.name, d]),
);

/** Always run beside the detector under test, so every table carries its own baselines. */
export const BASELINES: readonly string[] = [nullDetector.name, windowedGaussianDetector.name];
