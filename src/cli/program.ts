import { Command } from 'commander';
import { demoCommand } from './demo.js';
import { detectCommand } from './detect.js';
import { logsCommand } from './logs.js';
import { capacityCommand } from './capacity.js';
import { findingsCommand } from './findings.js';
import { oncallCommand } from './oncall.js';
import { packageVersion } from './package-version.js';
import { rcaCommand } from './rca.js';
import { replayCommand } from './replay.js';
import { runbooksCommand } from './runbooks.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { silencesCommand } from './silences.js';
import { tokensCommand } from './tokens.js';
import { versionCommand } from './version.js';

/** The `opsloop` program; one file per command, added here. */
export function buildProgram(): Command {
  const program = new Command('opsloop')
    .description('Self-hosted AIOps: observe telemetry, engage on incidents, act on root causes.')
    .version(packageVersion(), '-V, --version', 'print the opsloop version')
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(serveCommand())
    .addCommand(demoCommand())
    .addCommand(detectCommand())
    .addCommand(logsCommand())
    .addCommand(rcaCommand())
    .addCommand(oncallCommand())
    .addCommand(reportCommand())
    .addCommand(capacityCommand())
    .addCommand(findingsCommand())
    .addCommand(silencesCommand())
    .addCommand(tokensCommand())
    .addCommand(replayCommand())
    .addCommand(runbooksCommand())
    .addCommand(versionCommand())
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop demo                 try it: a simulated shop with injected faults
  $ opsloop serve                run it for your own services (OTLP on :4318)
  $ opsloop serve --help         options and environment variables
  $ opsloop logs mine app.log    the templates of a log file, with counts
  $ opsloop rca --from 2026-03-02T10:30:00Z --to 2026-03-02T10:33:00Z
                                 likely root causes of a window, from a running opsloop
  $ opsloop oncall               who is on call now, from a running opsloop
  $ opsloop report > week.md     last week's improvement report (noise, MTTA/MTTR, on-call load)
  $ opsloop silences add -m service=search --reason reindex --by ana --for 2h
                                 mute a service's alerts for two hours (docs/alerts.md)
  $ opsloop runbooks validate runbooks/
                                 check runbook files before deploying them (docs/runbooks.md)
  $ opsloop findings import trivy.json
                                 send a scanner report from CI (docs/findings.md)
  $ OPSLOOP_TOKEN=… opsloop tokens create --name collector --scope ingest
                                 an API token for a sender (docs/access.md)
`,
    );
  throwOnUsageErrors(program);
  return program;
}

/**
 * Commander exits 1 on a usage error (unknown option, bad value); opsloop's code for a
 * mistake in what it was given is 2. Every command throws instead, and main.ts picks the code.
 * Commands added with addCommand do not inherit the setting, hence the walk.
 */
function throwOnUsageErrors(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwOnUsageErrors(sub);
}
