/**
 * What a silence would mute before it is saved: the alerts firing now and, of the latest
 * signals received, those it matches. Nothing is stored.
 */
import { OpsError } from '../core/errors.js';
import type { Matcher, PreviewSignal, SilencePreviewResponse } from '../core/silence-api.js';
import { compileMatcher, type Matchable } from '../engage/silences/silence-matcher.js';
import type { Store } from '../store/store.js';
import type { RecentSignals } from './recent-signals.js';

export interface SilencePreviewInput {
  matchers: readonly Matcher[];
  /** How many of the latest signals to check. */
  signals: number;
}

/** Firing alerts are checked up to this many, the most recently seen first. */
const MAX_FIRING_CHECKED = 10_000;

export function previewSilence(store: Store, recent: RecentSignals, input: SilencePreviewInput): SilencePreviewResponse {
  let tests: Array<(subject: Matchable) => boolean>;
  try {
    tests = input.matchers.map(compileMatcher);
  } catch (error) {
    throw new OpsError('OPS_ERR_VALIDATION', [(error as Error).message]);
  }
  const matches = (subject: Matchable) => tests.every((test) => test(subject));
  const checked = recent.latest(input.signals);
  return {
    alerts: store.alerts.list({ status: 'firing', limit: MAX_FIRING_CHECKED }).filter(matches),
    signals: checked.filter(matches).map(
      (signal): PreviewSignal => ({
        fingerprint: signal.fingerprint,
        source: signal.source,
        name: signal.name,
        ...(signal.service ? { service: signal.service } : {}),
        status: signal.status,
        severity: signal.severity,
        timeMs: signal.timeMs,
        labels: signal.labels,
      }),
    ),
    checkedSignals: checked.length,
  };
}
