import type { Command } from 'commander';
import { CONFIG_FLAGS, ENV_VARIABLES, type ConfigFlagValues } from './config-sources.js';
import { DEFAULT_CONFIG_FILE, type LoadConfigOptions } from './load-config.js';

/** Adds --config and the config flags shared by the commands that run opsloop. */
export function withConfigOptions(command: Command): Command {
  command.option('--config <file>', `JSON config file (default ./${DEFAULT_CONFIG_FILE} when present)`);
  for (const flag of CONFIG_FLAGS) command.option(flag.flags, flag.description);
  const envHelp = ENV_VARIABLES.map((variable) => `  ${variable.name.padEnd(36)}${variable.description}`).join('\n');
  return command.addHelpText(
    'after',
    `\nConfiguration, later wins: defaults, config file, environment, flags.\nEnvironment:\n${envHelp}\n`,
  );
}

/** What commander parsed, as load-config's input. */
export function configSourcesFrom(options: Record<string, unknown>): LoadConfigOptions {
  const flags: ConfigFlagValues = {};
  for (const flag of CONFIG_FLAGS) {
    const value = options[flag.key];
    if (typeof value === 'string') flags[flag.key] = value;
  }
  const configFile = options['config'];
  return { flags, ...(typeof configFile === 'string' ? { configFile } : {}) };
}
