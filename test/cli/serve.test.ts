import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

describe('opsloop serve', () => {
  it('prints where to look, serves, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-serve-'));
    const child = spawn(
      process.execPath,
      ['--import', TSX, MAIN, 'serve', '--port', '0', '--otlp-port', '0', '--data-dir', dataDir, '--log-level', 'silent'],
      { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      const apiUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          stdout += chunk;
          const match = /UI \+ API\s+(http:\/\/\S+)/.exec(stdout);
          if (match?.[1] && stdout.includes('Press Ctrl+C')) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stdout}`)));
      });
      assert.match(stdout, /OTLP\/HTTP\s+http:\/\/127\.0\.0\.1:\d+/);
      assert.match(stdout, /\/api\/v1\/openapi\.json/);

      const health = await fetch(`${apiUrl}/healthz`);
      assert.equal(health.status, 200);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
