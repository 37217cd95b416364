/**
 * Capacity forecasts → alert signals for the normal alert → incident flow. Pure: the caller
 * passes the forecasts, which capacity alerts are firing now (from the alert store, so a
 * restart neither repeats nor loses them) and the evaluation time.
 *
 * A series fires when its point forecast reaches the limit within `aheadMs` (or it is at the
 * limit already), and resolves once a later evaluation no longer forecasts that — including when
 * the series is no longer evaluated at all (gone quiet, limit removed). One fingerprint per
 * series, so repeated evaluations update one alert. Critical when exhaustion is due within a
 * third of the warning time, else warning.
 */
import type { CapacityForecast } from '../../core/capacity-api.js';
import { stableHash } from '../../core/ids.js';
import type { Signal } from '../../core/records.js';
import { describeExhaustion } from './describe-exhaustion.js';

export const CAPACITY_SOURCE = 'capacity';

export function capacityFingerprint(key: string): string {
  return stableHash(CAPACITY_SOURCE, key);
}

export interface CapacityAlertOptions {
  nowMs: number;
  aheadMs: number;
}

export function capacitySignals(
  forecasts: readonly CapacityForecast[],
  firing: ReadonlySet<string>,
  options: CapacityAlertOptions,
): Signal[] {
  const signals: Signal[] = [];
  const handled = new Set<string>();
  for (const forecast of forecasts) {
    const fingerprint = capacityFingerprint(forecast.key);
    const { exhaustedNow, expectedMs } = forecast.exhaustion;
    const due = exhaustedNow || (expectedMs !== undefined && expectedMs <= options.nowMs + options.aheadMs);
    if (due) {
      handled.add(fingerprint);
      const soon = exhaustedNow || (expectedMs as number) <= options.nowMs + options.aheadMs / 3;
      signals.push(signal(forecast, fingerprint, 'firing', soon ? 'critical' : 'warning', options.nowMs, describeExhaustion(forecast, options.nowMs)));
    } else if (firing.has(fingerprint)) {
      handled.add(fingerprint);
      signals.push(signal(forecast, fingerprint, 'resolved', 'info', options.nowMs, `${forecast.resource} of ${forecast.instance ?? forecast.service} no longer forecast to run out within ${hours(options.aheadMs)}`));
    }
  }
  for (const fingerprint of firing) {
    if (handled.has(fingerprint)) continue;
    signals.push({
      kind: 'alert',
      source: CAPACITY_SOURCE,
      fingerprint,
      name: 'capacity exhaustion forecast',
      status: 'resolved',
      severity: 'info',
      timeMs: options.nowMs,
      summary: 'the series is no longer forecast (no recent data or no limit)',
      labels: {},
    });
  }
  return signals;
}

function signal(forecast: CapacityForecast, fingerprint: string, status: Signal['status'], severity: Signal['severity'], timeMs: number, summary: string): Signal {
  return {
    kind: 'alert',
    source: CAPACITY_SOURCE,
    fingerprint,
    name: `${forecast.resource} exhaustion forecast`,
    service: forecast.service,
    ...(forecast.instance === undefined ? {} : { instance: forecast.instance }),
    status,
    severity,
    timeMs,
    summary,
    labels: { resource: forecast.resource, metric: forecast.name, series: forecast.key },
  };
}

function hours(ms: number): string {
  return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
}
