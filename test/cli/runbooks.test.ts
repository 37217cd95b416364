import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/run-cli.js';

const GOOD = readFileSync(new URL('../fixtures/runbooks/restart-service.yaml', import.meta.url), 'utf8');

describe('opsloop runbooks validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-runbooks-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a directory of valid runbooks', async () => {
    writeFileSync(join(dir, 'restart.yaml'), GOOD);
    const result = await runCli(['runbooks', 'validate', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '1 runbook valid\n');
  });

  it('prints file:line:column for each problem and exits 2', async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, GOOD.replace('    type: wait\n', '    type: sleep\n'));
    const result = await runCli(['runbooks', 'validate', dir]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:19:11: steps\\.1\\.type`));
    const missing = await runCli(['runbooks', 'validate', join(dir, 'nope.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  });
});
