import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Execution } from '../../src/core/runbook-api.js';
import { startHarness, type Harness } from '../server/harness.js';
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

describe('opsloop runbooks against a running opsloop', () => {
  let h: Harness;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-runbooks-api-'));
  const run = (args: string[]) => runCli(['runbooks', ...args, '--url', url]);
  const executionId = (stdout: string) => stdout.split(' ')[0] ?? '';

  before(async () => {
    writeFileSync(join(dir, 'pause.yaml'), 'id: pause\nname: Pause a moment\napproval: { required: false }\nsteps:\n  - { id: nap, type: wait, seconds: 0.01 }\n');
    writeFileSync(join(dir, 'gated.yaml'), 'id: gated\nname: Needs a yes\ninputs:\n  replicas: { type: number, default: 2 }\nlimits: { concurrent: 5, perTarget: 5 }\nsteps:\n  - { id: nap, type: wait, seconds: 0.01 }\n');
    writeFileSync(join(dir, 'long.yaml'), 'id: long\nname: Takes its time\napproval: { required: false }\nsteps:\n  - { id: nap, type: wait, seconds: 30 }\n');
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nname: Broken\nsteps:\n  - id: x\n    type: teleport\n');
    h = await startHarness({ config: { runbooks: { dir } } });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the runbooks as a table and the files that did not load on stderr', async () => {
    const result = await run(['list']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ID\s+VERSION\s+ORIGIN\s+STATE\s+APPROVAL\s+NAME$/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(/\s+/)[0]).sort(), ['gated', 'long', 'pause']);
    assert.match(result.stdout, /gated\s+v1\s+file\s+enabled\s+approval\s+Needs a yes/);
    assert.match(result.stderr, /broken\.yaml:5:\d+: /);
  });

  it('shows a runbook source, and exits 2 naming an unknown one', async () => {
    const shown = await run(['show', 'pause']);
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(shown.stdout, readFileSync(join(dir, 'pause.yaml'), 'utf8'));
    assert.match(shown.stderr, /^pause v1 \(file\); versions 1\n$/);
    const unknown = await run(['show', 'nope']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /nope/);
  });

  it('dry-runs and runs a runbook, then finds the execution', async () => {
    const dry = await run(['run', 'pause', '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^rbx_\S+ pause \w+ \(dry run\)\n/);
    const started = await run(['run', 'pause']);
    assert.equal(started.status, 0, started.stderr);
    const id = executionId(started.stdout);
    assert.equal((await h.engine.runbooks.executions.ended(id)).status, 'succeeded');
    const one = await run(['executions', id]);
    assert.match(one.stdout, new RegExp(`^${id} pause succeeded\\n  nap \\(wait\\) succeeded\\n$`));
    const listed = await run(['executions', '--runbook', 'pause']);
    assert.match(listed.stdout, /^ID\s+RUNBOOK\s+STATUS\s+CREATED\s+INCIDENT\s+ERROR\n/);
    assert.match(listed.stdout, new RegExp(`${id}\\s+pause\\s+succeeded`));
    assert.match(listed.stdout, /pause\s+succeeded \(dry run\)/);
  });

  it('types --input values, and refuses a malformed one before calling', async () => {
    const started = await run(['run', 'gated', '--input', 'replicas=3', '--json']);
    assert.equal(started.status, 0, started.stderr);
    const execution = JSON.parse(started.stdout) as Execution;
    assert.equal(execution.inputs['replicas'], 3);
    assert.equal(execution.status, 'awaiting_approval');
    assert.match((await run(['cancel', execution.id])).stdout, new RegExp(`^${execution.id} gated cancelled`));
    const malformed = await run(['run', 'gated', '--input', 'replicas']);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /--input takes name=value, got "replicas"/);
  });

  it('approves and rejects executions waiting in the inbox; a second decision is refused', async () => {
    const first = executionId((await run(['run', 'gated'])).stdout);
    const second = executionId((await run(['run', 'gated'])).stdout);
    const inbox = await run(['executions', '--status', 'awaiting_approval']);
    assert.match(inbox.stdout, new RegExp(first));
    assert.match(inbox.stdout, new RegExp(second));
    const approved = await run(['approve', first, '--comment', 'go']);
    assert.equal(approved.status, 0, approved.stderr);
    assert.equal((await h.engine.runbooks.executions.ended(first)).status, 'succeeded');
    const rejected = await run(['reject', second, '--comment', 'not now']);
    assert.equal(rejected.status, 0, rejected.stderr);
    assert.match(rejected.stdout, new RegExp(`^${second} gated rejected`));
    const again = await run(['approve', second]);
    assert.equal(again.status, 2);
  });

  it('cancels a running execution; the kill switch refuses new ones until released', async () => {
    const long = executionId((await run(['run', 'long'])).stdout);
    const cancelled = await run(['cancel', long]);
    assert.equal(cancelled.status, 0, cancelled.stderr);
    assert.equal((await h.engine.runbooks.executions.ended(long)).status, 'cancelled');

    const running = executionId((await run(['run', 'long'])).stdout);
    const engaged = await run(['kill-switch', 'on', '--reason', 'bad deploy']);
    assert.equal(engaged.status, 0, engaged.stderr);
    assert.match(engaged.stdout, /^kill switch ENGAGED \(bad deploy\).*; 1 execution\(s\) cancelled\n$/);
    assert.equal((await h.engine.runbooks.executions.ended(running)).status, 'cancelled');
    const refused = await run(['run', 'pause']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /kill switch is engaged \(bad deploy\)/);
    assert.match((await run(['kill-switch'])).stdout, /^kill switch ENGAGED/);
    assert.match((await run(['kill-switch', 'off'])).stdout, /^kill switch released/);
    const wrong = await run(['kill-switch', 'maybe']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /kill-switch takes on or off, not "maybe"/);
  });
});
