import { Command } from 'commander';
import { withConfigOptions, configSourcesFrom } from './config-options.js';
import { loadConfig } from './load-config.js';
import { runUntilSignal } from './run-until-signal.js';

export function serveCommand(): Command {
  const command = new Command('serve').description(
    'run opsloop: API and UI, OTLP/HTTP receiver, alert receivers and the analysis loop',
  );
  return withConfigOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop serve
  $ opsloop serve --port 8080 --data-dir /var/lib/opsloop
  $ OPSLOOP_API_HOST=0.0.0.0 opsloop serve --config opsloop.config.json
`,
    )
    .action(async (options: Record<string, unknown>) => {
      await runUntilSignal(loadConfig(configSourcesFrom(options)));
    });
}
