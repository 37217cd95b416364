/**
 * The `exec` step's I/O: runs one of the executors configured on the server
 * (`runbooks.executors`: a fixed command path, optional fixed leading arguments and an argument
 * pattern), with the step's rendered arguments passed as an argument vector, never through a
 * shell, so a template cannot inject a command. Killed on the runner's signal; output capped.
 */
import { execFile } from 'node:child_process';
import type { RunbookStep } from '../../core/runbook.js';

export interface Executor {
  /** Absolute path of the program. */
  command: string;
  /** Arguments always passed first (e.g. a kubeconfig). */
  args: readonly string[];
  /** Every argument a runbook passes must match this (anchored). */
  allowArgs?: string;
}

const MAX_OUTPUT_BYTES = 1_048_576;

export function execStepRunner(executors: Readonly<Record<string, Executor>>) {
  return (step: RunbookStep, signal: AbortSignal): Promise<Record<string, unknown>> => {
    if (step.type !== 'exec') return Promise.reject(new Error(`not an exec step: ${step.type}`));
    const executor = executors[step.executor];
    if (executor === undefined) return Promise.reject(new Error(`no executor "${step.executor}" is configured (runbooks.executors)`));
    if (executor.allowArgs !== undefined) {
      const allowed = new RegExp(`^(?:${executor.allowArgs})$`);
      const refused = step.args.find((arg) => !allowed.test(arg));
      if (refused !== undefined) return Promise.reject(new Error(`executor ${step.executor} does not allow the argument ${JSON.stringify(refused)}`));
    }
    return new Promise((resolve, reject) => {
      execFile(executor.command, [...executor.args, ...step.args], { signal, maxBuffer: MAX_OUTPUT_BYTES, shell: false, windowsHide: true }, (error, stdout, stderr) => {
        if (error) {
          const code = typeof (error as { code?: unknown }).code === 'number' ? ` (exit ${(error as { code: number }).code})` : '';
          reject(new Error(`${step.executor}${code}: ${(stderr || error.message).trim().slice(0, 500)}`));
          return;
        }
        resolve({ exitCode: 0, stdout: stdout.slice(0, 65_536), stderr: stderr.slice(0, 65_536) });
      });
    });
  };
}
