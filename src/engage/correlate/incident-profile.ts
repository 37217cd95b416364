/**
 * What correlation remembers of one open incident: when it was last active, which services
 * and how many alerts still fire, its label pairs and its words. Built from its alerts, kept
 * up to date as they arrive and resolve, so deciding never reads the store. Pure.
 */
import { timeProximity } from './features.js';
import type { LabelPairs, LabelProfile } from './label-similarity.js';

/** The parts of an alert correlation reads. */
export interface CorrelatedAlert {
  id: string;
  name: string;
  source: string;
  severity: string;
  summary: string;
  service?: string;
  labels: Readonly<Record<string, string>>;
  status: 'firing' | 'resolved';
  startsMs: number;
  lastSeenMs: number;
  endsMs?: number;
}

export class IncidentProfile implements LabelProfile {
  readonly services = new Set<string>();
  /** Alerts carrying each label pair, by LabelPairs number. */
  readonly pairs = new Map<number, number>();
  /**
   * Its words (TermWeights ids) in the order they first came, with their counts at the same
   * place: text similarity runs over them for every alert scored against the incident, and
   * arrays walk faster than a map's entries. `termAt` finds a word's place.
   */
  readonly termIds: number[] = [];
  readonly termCounts: number[] = [];
  private readonly termAt = new Map<number, number>();
  alerts = 0;
  pairTotal = 0;
  startedMs: number;
  /** Latest start, repeat or end of any of its alerts, event time. */
  lastActivityMs: number;
  /** Latest start of any of its alerts: when it last grew. */
  lastOnsetMs: number;
  /** Its alerts' ids, so forgetting the incident forgets them without a scan. */
  readonly alertIds = new Set<string>();
  private readonly firingIds = new Set<string>();
  private common: Record<string, string> | undefined;
  /** The last time proximity asked for and its answer (`proximity`). */
  private proximityGapMs = Number.NaN;
  private proximityHalfLifeMs = Number.NaN;
  private proximityValue = 0;

  constructor(
    readonly id: string,
    startedMs: number,
    private readonly labelPairs: LabelPairs,
  ) {
    this.startedMs = startedMs;
    this.lastActivityMs = startedMs;
    this.lastOnsetMs = startedMs;
  }

  /** How often its alerts say the word, 0 when none does. */
  termCount(term: number): number {
    const at = this.termAt.get(term);
    return at === undefined ? 0 : (this.termCounts[at] as number);
  }

  get firing(): number {
    return this.firingIds.size;
  }

  add(alert: CorrelatedAlert, pairs: readonly number[], terms: ReadonlyMap<number, number>): void {
    this.alerts++;
    this.alertIds.add(alert.id);
    if (alert.service) this.services.add(alert.service);
    for (const pair of pairs) this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
    this.pairTotal += pairs.length;
    for (const [term, count] of terms) {
      const at = this.termAt.get(term);
      if (at === undefined) {
        this.termAt.set(term, this.termIds.length);
        this.termIds.push(term);
        this.termCounts.push(count);
      } else this.termCounts[at] = (this.termCounts[at] as number) + count;
    }
    this.startedMs = Math.min(this.startedMs, alert.startsMs);
    this.lastOnsetMs = Math.max(this.lastOnsetMs, alert.startsMs);
    this.common = undefined;
    this.touch(alert);
  }

  /** A repeat or a resolve of one of its alerts. */
  touch(alert: Pick<CorrelatedAlert, 'id' | 'status' | 'lastSeenMs' | 'endsMs' | 'startsMs'>): void {
    if (alert.status === 'firing') this.firingIds.add(alert.id);
    else this.firingIds.delete(alert.id);
    this.lastActivityMs = Math.max(this.lastActivityMs, alert.startsMs, alert.lastSeenMs, alert.endsMs ?? 0);
  }

  /**
   * Time since the incident last grew (a new alert started), for time proximity. Not since it
   * last fired: one alert that lingers for an hour must not draw every later storm in.
   */
  onsetGapMs(timeMs: number): number {
    return Math.max(0, timeMs - this.lastOnsetMs);
  }

  /**
   * Time proximity (features.ts) of an alert `gapMs` after the incident last grew, remembered:
   * the alerts of one delivery share their start, and the incident's last onset moves only
   * when it grows, so the next alert usually asks the same again.
   */
  proximity(gapMs: number, halfLifeMs: number): number {
    if (gapMs !== this.proximityGapMs || halfLifeMs !== this.proximityHalfLifeMs) {
      this.proximityValue = timeProximity(gapMs, halfLifeMs);
      this.proximityGapMs = gapMs;
      this.proximityHalfLifeMs = halfLifeMs;
    }
    return this.proximityValue;
  }

  /** Gap between the incident's activity and an alert starting at `timeMs`, to decide whether it is a candidate at all: 0 while it fires or when the alert falls inside it. */
  gapMs(timeMs: number): number {
    if (this.firing > 0) return 0;
    if (timeMs >= this.lastActivityMs) return timeMs - this.lastActivityMs;
    return Math.max(0, this.startedMs - timeMs);
  }

  /** Labels every alert of the incident agrees on: what CEL rules see as `incident.labels`. */
  commonLabels(): Record<string, string> {
    if (!this.common) {
      this.common = {};
      for (const [id, count] of this.pairs) {
        if (count !== this.alerts) continue;
        const pair = this.labelPairs.name(id);
        const at = pair.indexOf('=');
        this.common[pair.slice(0, at)] = pair.slice(at + 1);
      }
    }
    return this.common;
  }
}
