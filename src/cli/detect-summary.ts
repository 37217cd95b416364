/**
 * What `opsloop detect` tells a person at the end, on stderr: points, anomalies, episodes with
 * start, end and a plain explanation, and skipped rows by reason. Memory is bounded whatever
 * the file size: a fixed number of episodes and line numbers are kept, the rest only counted.
 */
import { describeAnomaly } from '../observe/metrics/describe-anomaly.js';
import type { EpisodeEvent, PointScore } from '../observe/metrics/series-detector.js';
import { SKIP_REASONS, type SkipReason } from './csv-series-rows.js';
import { LineTally } from './line-tally.js';

const MAX_EPISODES = 20;

interface Episode {
  onsetMs: number;
  /** Undefined while open; an episode still open at the end of the file has no end. */
  endMs?: number;
  peak: PointScore;
}

export interface SummaryContext {
  file: string;
  /** Series label and metric name, as describe-anomaly wants them. */
  label: string;
  metric: string;
  threshold: number;
  firingPoints: number;
}

export class DetectSummary {
  points = 0;
  learning = 0;
  anomalous = 0;
  private episodeCount = 0;
  private readonly episodes: Episode[] = [];
  private current: Episode | undefined;
  private readonly skipped = new Map<SkipReason, LineTally>();

  get skippedRows(): number {
    let total = 0;
    for (const { count } of this.skipped.values()) total += count;
    return total;
  }

  skip(reason: SkipReason, line: number): void {
    const tally = this.skipped.get(reason) ?? new LineTally();
    tally.add(line);
    this.skipped.set(reason, tally);
  }

  point(score: PointScore | undefined, event: EpisodeEvent | undefined): void {
    this.points += 1;
    if (!score) this.learning += 1;
    else if (score.anomalous) this.anomalous += 1;
    if (!event) return;
    if (event.type === 'opened') {
      this.current = { onsetMs: event.onsetMs, peak: event.peak };
      this.episodeCount += 1;
    } else if (event.type === 'continued' && this.current) {
      this.current.peak = event.peak;
    } else if (event.type === 'closed' && this.current) {
      this.current.endMs = event.endMs;
      this.keep(this.current);
      this.current = undefined;
    }
  }

  format(context: SummaryContext): string {
    if (this.current) this.keep(this.current);
    this.current = undefined;
    const lines = [
      `${context.file}: ${this.points} points (${this.learning} learning), ${this.anomalous} anomalous at score ≥ ${context.threshold}, ` +
        `${this.episodeCount} ${this.episodeCount === 1 ? 'episode' : 'episodes'}` +
        (this.anomalous > 0 && this.episodeCount === 0
          ? ` (an episode needs ${context.firingPoints} anomalous points in a row)`
          : ''),
    ];
    for (const episode of this.episodes) {
      const end = episode.endMs === undefined ? 'still open at end of file' : iso(episode.endMs);
      const why = describeAnomaly(context.label, context.metric, episode.peak);
      // The detector keeps the largest |z| as peak whatever its sign, so an episode opened
      // upwards can peak downwards; the direction shown must match the explanation beside it.
      const direction = episode.peak.z >= 0 ? 'up' : 'down';
      lines.push(`  ${iso(episode.onsetMs)} → ${end}  ${direction}  peak ${iso(episode.peak.timeMs)}: ${why}`);
    }
    if (this.episodeCount > this.episodes.length) lines.push(`  … and ${this.episodeCount - this.episodes.length} more`);
    if (this.skipped.size > 0) {
      lines.push(`skipped ${this.skippedRows} rows:`);
      for (const reason of Object.keys(SKIP_REASONS) as SkipReason[]) {
        const tally = this.skipped.get(reason);
        if (tally) lines.push(`  ${tally.count} ${reason} (${tally.lines()})`);
      }
    }
    if (this.points === 0) lines.push('no usable data rows: nothing was scored');
    return `${lines.join('\n')}\n`;
  }

  private keep(episode: Episode): void {
    if (this.episodes.length < MAX_EPISODES) this.episodes.push(episode);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
