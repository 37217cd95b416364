/**
 * Runs the opsloop CLI as a person would, in a child process. Asynchronous, so a server in the
 * test's own process keeps answering and several runs can go at once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Flags for node itself, before the script (e.g. --max-old-space-size=64). */
  nodeArgs?: readonly string[];
  /** Written to the CLI's standard input, which is then closed. */
  input?: string | Buffer;
  /** Variables added to this process's environment for the run (e.g. OPSLOOP_TOKEN). */
  env?: Readonly<Record<string, string>>;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', TSX, MAIN, ...args], {
    timeout: 60_000,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.input);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}
