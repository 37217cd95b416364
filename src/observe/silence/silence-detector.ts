/**
 * Notices when a service that was reporting stops reporting altogether while the rest of the
 * system goes on: the signature of a crash, and for a service nobody calls synchronously (a
 * queue consumer) the only one. Pure: the caller passes the entities it saw and the event-time
 * watermark.
 *
 * A service only counts as silent once it has been current (its data reached the watermark
 * within its allowance), so backfilled history from a service that is behind never alarms.
 * The allowance adapts to how often the service normally reports (four typical gaps, at least
 * `minSilenceMs`), so a service exporting once a minute is not called dead after ten seconds.
 */
import { stableHash } from '../../core/ids.js';
import type { Signal } from '../../core/records.js';

export interface SilenceOptions {
  minSilenceMs: number;
}

interface Presence {
  lastMs: number;
  reports: number;
  typicalGapMs: number;
  current: boolean;
  silentSince?: number;
}

const GAP_SMOOTHING = 0.1;
const GAPS_ALLOWED = 4;
const MIN_REPORTS = 4;

export class SilenceDetector {
  private readonly services = new Map<string, Presence>();

  constructor(private readonly options: SilenceOptions) {}

  /** Records that `service` reported at `timeMs`; returns a resolution if it had gone silent. */
  seen(service: string, timeMs: number): Signal[] {
    const presence = this.services.get(service);
    if (!presence) {
      this.services.set(service, { lastMs: timeMs, reports: 1, typicalGapMs: 0, current: false });
      return [];
    }
    if (timeMs <= presence.lastMs) return [];
    const gap = timeMs - presence.lastMs;
    const signals: Signal[] = [];
    if (presence.silentSince !== undefined) {
      signals.push(this.signal(service, 'resolved', timeMs, `${service} reports again`));
      presence.silentSince = undefined;
    } else {
      // A plain mean over the first gaps, then an EWMA that follows slow changes of rhythm.
      presence.typicalGapMs += Math.max(GAP_SMOOTHING, 1 / presence.reports) * (gap - presence.typicalGapMs);
    }
    presence.reports += 1;
    presence.lastMs = timeMs;
    return signals;
  }

  /** Moves the event-time watermark; returns a firing signal per service that just went silent. */
  advance(watermarkMs: number): Signal[] {
    const signals: Signal[] = [];
    for (const [service, presence] of this.services) {
      const allowance = Math.max(this.options.minSilenceMs, GAPS_ALLOWED * presence.typicalGapMs);
      const behind = watermarkMs - presence.lastMs;
      if (behind <= allowance) {
        // A rhythm needs a few gaps before silence can be judged against it.
        if (presence.reports >= MIN_REPORTS) presence.current = true;
        continue;
      }
      if (!presence.current || presence.silentSince !== undefined) continue;
      presence.silentSince = presence.lastMs;
      const seconds = Math.round(behind / 1000);
      signals.push(
        this.signal(service, 'firing', presence.lastMs, `no telemetry from ${service} for ${seconds} s while other services kept reporting`),
      );
    }
    return signals;
  }

  private signal(service: string, status: Signal['status'], timeMs: number, summary: string): Signal {
    return {
      kind: 'anomaly',
      source: 'detector',
      fingerprint: stableHash('silence', service),
      name: 'stopped reporting',
      service,
      status,
      severity: 'error',
      timeMs,
      summary,
      labels: {},
    };
  }
}
