/**
 * The progress bar of the file-reading commands: bytes of the input read against its size, on
 * stderr, with a count of what was processed. Shown only to a person watching a terminal; in
 * pipes and CI logs it would only be noise, so it is a no-op there, and also when the size is
 * unknown (a pipe on stdin).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(bytesRead: number, processed: number): void;
  stop(): void;
}

export interface ProgressLabels {
  /** What is running, first on the bar: `detect`. */
  task: string;
  /** What `processed` counts: `points`. */
  unit: string;
}

const MIB = 1024 * 1024;

export function createProgress(enabled: boolean, totalBytes: number, labels: ProgressLabels): Progress {
  if (!enabled || totalBytes === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${labels.task} {bar} {percentage}% | {read}/{size} MiB | {processed} ${labels.unit} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const size = (totalBytes / MIB).toFixed(1);
  bar.start(totalBytes, 0, { read: '0.0', size, processed: 0 });
  return {
    update(bytesRead, processed) {
      bar.update(Math.min(bytesRead, totalBytes), { read: (bytesRead / MIB).toFixed(1), size, processed });
    },
    stop() {
      bar.stop();
    },
  };
}
