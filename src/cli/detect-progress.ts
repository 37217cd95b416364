/**
 * The progress bar of `opsloop detect`: bytes of the input read against its size, on stderr.
 * Shown only to a person watching a terminal; in pipes, CI logs and when the CSV itself is
 * going to the terminal it would only be noise, so it is a no-op there.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(bytesRead: number, points: number): void;
  stop(): void;
}

const MIB = 1024 * 1024;

export function createProgress(enabled: boolean, totalBytes: number): Progress {
  if (!enabled || totalBytes === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'detect {bar} {percentage}% | {read}/{size} MiB | {points} points | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const size = (totalBytes / MIB).toFixed(1);
  bar.start(totalBytes, 0, { read: '0.0', size, points: 0 });
  return {
    update(bytesRead, points) {
      bar.update(Math.min(bytesRead, totalBytes), { read: (bytesRead / MIB).toFixed(1), size, points });
    },
    stop() {
      bar.stop();
    },
  };
}
