import type { Config } from '../core/config.js';

export interface RunOptions {
  demo?: { speed: number; seed: number; faultMinutes?: number };
}

/** If a graceful stop hangs (a stuck socket, a slow flush), leave anyway after this long. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts opsloop, says where to find it, and runs until SIGINT/SIGTERM. The first signal stops
 * gracefully (stop() flushes and closes the store); a second one exits at once.
 */
export async function runUntilSignal(config: Config, options: RunOptions = {}): Promise<void> {
  // Loaded here, not at the top, so `opsloop --help` and `version` stay instant and do not
  // open native modules.
  const { startOpsloop } = await import('../app/start.js');
  const running = await startOpsloop(config, options.demo ? { demo: options.demo } : {});
  console.log(banner(config, running.apiUrl, running.otlpUrl, options));

  await new Promise<void>((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.error(`\n${signal} again: exiting without a clean shutdown`);
        process.exit(130);
      }
      stopping = true;
      console.error(`\n${signal}: shutting down (press Ctrl+C again to force)`);
      setTimeout(() => {
        console.error(`shutdown did not finish within ${STOP_TIMEOUT_MS / 1000} s; exiting`);
        process.exit(1);
      }, STOP_TIMEOUT_MS).unref();
      running.stop().then(
        () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          done();
        },
        (error: unknown) => {
          console.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = 1;
          done();
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function banner(config: Config, apiUrl: string, otlpUrl: string, options: RunOptions): string {
  const lines = [
    '',
    `opsloop is running${options.demo ? ` with the demo shop (speed ${options.demo.speed}x, seed ${options.demo.seed})` : ''}`,
    '',
    `  UI + API       ${apiUrl}`,
    `  API docs       ${apiUrl}/api/v1/openapi.json`,
    `  OTLP/HTTP      ${otlpUrl}   (OTEL_EXPORTER_OTLP_ENDPOINT=${otlpUrl})`,
    `  Alertmanager   ${apiUrl}/api/v1/integrations/alertmanager`,
    `  Metrics        ${apiUrl}/metrics`,
    `  Data           ${config.dataDir}`,
  ];
  if (options.demo) lines.push(`  Demo faults    ${apiUrl}/api/v1/demo/faults`);
  lines.push('', 'Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
