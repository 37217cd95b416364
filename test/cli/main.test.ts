import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Runs `opsloop …` in an empty directory so no opsloop.config.json is picked up. */
function opsloop(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: tmpdir(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('opsloop CLI', () => {
  it('--help lists the commands with examples', () => {
    const { status, stdout } = opsloop(['--help']);
    assert.equal(status, 0);
    for (const command of ['serve', 'demo', 'version']) assert.match(stdout, new RegExp(`^  ${command}`, 'm'));
    assert.match(stdout, /Examples:/);
  });

  for (const command of ['serve', 'demo', 'version']) {
    it(`${command} --help shows its options and examples`, () => {
      const { status, stdout } = opsloop([command, '--help']);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`Usage: opsloop ${command}`));
      assert.match(stdout, /Example/);
    });
  }

  it('demo --help documents --speed, --seed, --fault-minutes and the environment', () => {
    const { stdout } = opsloop(['demo', '--help']);
    assert.match(stdout, /--speed <factor>.*\(default: 1\)/s);
    assert.match(stdout, /--seed <n>.*\(default: 42\)/s);
    assert.match(stdout, /--fault-minutes <n>.*\(default: 3\)/s);
    assert.match(stdout, /OPSLOOP_API_PORT/);
  });

  it('version and --version print the package version', () => {
    const version = opsloop(['version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, new RegExp(`^opsloop ${VERSION.replace(/\./g, '\\.')} `));
    const flag = opsloop(['--version']);
    assert.equal(flag.stdout.trim(), VERSION);
  });

  it('exits 2 with the key, value and source of a bad setting, without a stack trace', () => {
    const { status, stderr } = opsloop(['serve'], { OPSLOOP_API_PORT: 'abc' });
    assert.equal(status, 2);
    assert.equal(stderr.trim(), 'opsloop: Invalid configuration: OPSLOOP_API_PORT="abc": api.port must be a number');
  });

  it('rejects a bad --speed', () => {
    const { status, stderr } = opsloop(['demo', '--speed', 'fast']);
    assert.notEqual(status, 0);
    assert.match(stderr, /--speed/);
  });
});
