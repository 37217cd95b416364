import { Command } from 'commander';
import { packageVersion } from './package-version.js';

export function versionCommand(): Command {
  return new Command('version')
    .description('print the opsloop version')
    .addHelpText('after', '\nExample:\n  $ opsloop version\n')
    .action(() => {
      console.log(`opsloop ${packageVersion()} (node ${process.version})`);
    });
}
