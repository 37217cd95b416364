/**
 * Periodic capacity evaluation on event time: once the telemetry watermark has moved
 * `evaluateMinutes` past the last evaluation, every saturation series is forecast and the
 * capacity alerts are raised or resolved (src/act/capacity/capacity-alerts.ts). Which capacity
 * alerts fire is read back from the alert store, so a restart resumes where it stopped.
 */
import type { Config } from '../../core/config.js';
import type { Change, Signal } from '../../core/records.js';
import type { Store } from '../../store/store.js';
import { CAPACITY_SOURCE, capacitySignals } from '../../act/capacity/capacity-alerts.js';
import { capacityForecasts, RESTARTING } from './capacity-forecasts.js';

const HOUR_MS = 3_600_000;
/** Series evaluated per run; far above any fleet the embedded store serves. */
const MAX_SERIES = 10_000;

export class CapacityWatch {
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly settings: Config['capacity'],
  ) {}

  /** Signals to engage when an evaluation is due at this watermark; none otherwise. */
  advance(watermarkMs: number): Signal[] {
    if (watermarkMs - this.lastMs < this.settings.evaluateMinutes * 60_000) return [];
    this.lastMs = watermarkMs;
    return this.evaluate(watermarkMs);
  }

  /**
   * A deploy or runbook action started processes afresh: evaluate now, from the data since
   * (capacity-forecasts.ts), so a restart that fixed a leak resolves its forecast alert at once
   * rather than at the next periodic evaluation.
   */
  onChanges(changes: readonly Change[], watermarkMs: number): Signal[] {
    if (!Number.isFinite(watermarkMs) || !changes.some((change) => RESTARTING.has(change.kind))) return [];
    this.lastMs = watermarkMs;
    return this.evaluate(watermarkMs);
  }

  evaluate(atMs: number): Signal[] {
    const aheadMs = this.settings.alertAheadHours * HOUR_MS;
    const { forecasts } = capacityForecasts(this.store, {
      atMs,
      historyMs: this.settings.historyHours * HOUR_MS,
      horizonMs: aheadMs,
      points: false,
      limit: MAX_SERIES,
    });
    const firing = new Set(
      this.store.alerts
        .list({ status: 'firing' })
        .filter((alert) => alert.source === CAPACITY_SOURCE)
        .map((alert) => alert.fingerprint),
    );
    return capacitySignals(forecasts, firing, { nowMs: atMs, aheadMs });
  }
}
