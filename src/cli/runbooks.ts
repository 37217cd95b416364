/**
 * `opsloop runbooks validate PATH…`: checks runbook files (docs/runbooks.md) before they are
 * deployed, e.g. in CI: every problem as file:line:column, exit 2 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Command } from 'commander';
import { formatProblems, loadRunbook } from '../act/runbooks/load-runbook.js';
import { InputError } from './input-error.js';

const EXTENSIONS = new Set(['.yaml', '.yml']);

export function runbooksCommand(): Command {
  return new Command('runbooks')
    .description('work with runbook files (docs/runbooks.md)')
    .addCommand(
      new Command('validate')
        .description('check runbook YAML files or directories of them; prints file:line:column for each problem')
        .argument('<paths...>', 'runbook files, or directories whose .yaml/.yml files are checked')
        .addHelpText(
          'after',
          `
Examples:
  $ opsloop runbooks validate runbooks/
  $ opsloop runbooks validate runbooks/restart-service.yaml runbooks/rollback.yaml
`,
        )
        .action((paths: string[]) => {
          const files = paths.flatMap(runbookFiles);
          if (files.length === 0) throw new InputError(`no .yaml or .yml files in ${paths.join(', ')}`);
          const ids = new Map<string, string>();
          const problems: string[] = [];
          for (const file of files) {
            const loaded = loadRunbook(readFileSync(file, 'utf8'), file);
            if (!loaded.ok) {
              problems.push(formatProblems(loaded.problems));
              continue;
            }
            const other = ids.get(loaded.runbook.id);
            if (other !== undefined) problems.push(`${file}:1:1: runbook id "${loaded.runbook.id}" is also used by ${other}`);
            ids.set(loaded.runbook.id, file);
          }
          if (problems.length > 0) throw new InputError(`runbooks have problems:\n${problems.join('\n')}`);
          process.stdout.write(`${files.length} runbook${files.length === 1 ? '' : 's'} valid\n`);
        }),
    );
}

function runbookFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(path, name));
}
