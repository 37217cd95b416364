import { Command } from 'commander';
import { demoCommand } from './demo.js';
import { detectCommand } from './detect.js';
import { packageVersion } from './package-version.js';
import { serveCommand } from './serve.js';
import { versionCommand } from './version.js';

/** The `opsloop` program; one file per command, added here. */
export function buildProgram(): Command {
  return new Command('opsloop')
    .description('Self-hosted AIOps: observe telemetry, engage on incidents, act on root causes.')
    .version(packageVersion(), '-V, --version', 'print the opsloop version')
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(serveCommand())
    .addCommand(demoCommand())
    .addCommand(detectCommand())
    .addCommand(versionCommand())
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop demo                 try it: a simulated shop with injected faults
  $ opsloop serve                run it for your own services (OTLP on :4318)
  $ opsloop serve --help         options and environment variables
`,
    );
}
