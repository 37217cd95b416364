import { Command } from 'commander';
import { logsMineCommand } from './logs-mine.js';

/** `opsloop logs …`: offline tools for log files, one file per subcommand. */
export function logsCommand(): Command {
  return new Command('logs')
    .description('work with log files offline: mine them into templates')
    .addCommand(logsMineCommand())
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop logs mine app.log
  $ opsloop logs mine app.log --format '<Date> <Time> <Level> <Content>' --output csv
`,
    );
}
