import { Command, InvalidArgumentError } from 'commander';
import { shippedRunbooksDir } from '../demo/shipped-runbooks.js';
import { configSourcesFrom, withConfigOptions } from './config-options.js';
import { loadConfig } from './load-config.js';
import { runUntilSignal } from './run-until-signal.js';

export function demoCommand(): Command {
  const command = new Command('demo')
    .description('run opsloop with a simulated microservice shop that sends OTLP and injects faults')
    .option('--speed <factor>', 'simulated seconds per real second', positiveNumber, 1)
    .option('--seed <n>', 'random seed; one seed gives one sequence of faults', integer, 42)
    .option('--fault-minutes <n>', 'how long a fault lasts unless a runbook fixes it first', positiveNumber, 3)
    .option('--auth', 'keep sign-in on, as `serve` does (the demo turns it off so it opens with no login)');
  return withConfigOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop demo
  $ opsloop demo --speed 10 --seed 7
  $ opsloop demo --fault-minutes 30    # faults last until a runbook fixes them
  $ opsloop demo --port 8080 --data-dir /tmp/opsloop-demo
  $ OPSLOOP_ADMIN_PASSWORD='a long passphrase' opsloop demo --auth
`,
    )
    .action(async (options: Record<string, unknown>) => {
      const loaded = loadConfig(configSourcesFrom(options));
      // Zero friction on a laptop: the demo listens on localhost and opens without a login.
      const signIn = options['auth'] === true ? loaded : { ...loaded, auth: { ...loaded.auth, enabled: false } };
      // The shop's faults come with runbooks that fix them (runbooks/demo), unless others are configured.
      const runbooksDir = signIn.runbooks.dir ?? shippedRunbooksDir();
      const config = runbooksDir === undefined ? signIn : { ...signIn, runbooks: { ...signIn.runbooks, dir: runbooksDir } };
      const speed = typeof options['speed'] === 'number' ? options['speed'] : 1;
      const seed = typeof options['seed'] === 'number' ? options['seed'] : 42;
      const faultMinutes = typeof options['faultMinutes'] === 'number' ? options['faultMinutes'] : 3;
      await runUntilSignal(config, { demo: { speed, seed, faultMinutes } });
    });
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a number > 0');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || value.trim() === '') throw new InvalidArgumentError('must be an integer');
  return parsed;
}
