/**
 * The noisiest alerts and sources of a period: how many alerts (episodes) started, their share
 * of all, how many flapped and what share a silence muted, next to the previous period's count.
 * Pure: the alerts that started in each period in, rankings out.
 */
import type { NoisyAlert, NoisySource } from '../../core/report-api.js';
import type { Alert } from '../../core/records.js';
import { alertKeyOf, alertKeyText, countByKey } from './alert-key.js';

export interface NoisyAlerts {
  alerts: NoisyAlert[];
  sources: NoisySource[];
}

export function noisiestAlerts(current: readonly Alert[], previous: readonly Alert[], limit: number): NoisyAlerts {
  const byAlert = (alert: Alert) => alertKeyText(alertKeyOf(alert));
  const previousByAlert = countByKey(previous, byAlert);
  const alerts = [...countByKey(current, byAlert)].map(([key, group]) => ({
    ...alertKeyOf(group.first),
    ...figures(group.items, current.length, previousByAlert.get(key)?.items.length ?? 0),
  }));
  const previousBySource = countByKey(previous, (alert) => alert.source);
  const sources = [...countByKey(current, (alert) => alert.source)].map(([source, group]) => ({
    source,
    ...figures(group.items, current.length, previousBySource.get(source)?.items.length ?? 0),
  }));
  return { alerts: rank(alerts, (a) => alertKeyText(a)).slice(0, limit), sources: rank(sources, (s) => s.source).slice(0, limit) };
}

function figures(group: readonly Alert[], total: number, previousCount: number) {
  const silenced = group.filter((alert) => (alert.silencedBy?.length ?? 0) > 0).length;
  return {
    count: group.length,
    previousCount,
    share: group.length / total,
    flapping: group.filter((alert) => alert.flapping === true).length,
    silencedShare: silenced / group.length,
  };
}

/** Most alerts first; ties by the most flapping, then by name so the order is reproducible. */
function rank<T extends { count: number; flapping: number }>(rows: T[], name: (row: T) => string): T[] {
  return rows.sort((a, b) => b.count - a.count || b.flapping - a.flapping || name(a).localeCompare(name(b)));
}
