import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { execStepRunner } from '../../../src/app/runbooks/exec-step.js';
import { runHttpStep } from '../../../src/app/runbooks/http-step.js';
import type { RunbookStep } from '../../../src/core/runbook.js';

const never = new AbortController().signal;

describe('http step', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ method: string; url: string; body: string; auth: string | undefined }> = [];
  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method ?? '', url: request.url ?? '', body, auth: request.headers.authorization });
        if (request.url === '/slow') return;
        response.statusCode = request.url === '/broken' ? 500 : 202;
        response.end(request.url === '/broken' ? 'database down' : '{"restarted":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const step = (url: string): RunbookStep => ({ id: 's', type: 'http', method: 'POST', url, headers: { authorization: 'Bearer t' }, body: '{"why":"incident"}', expectStatus: [200, 202], continueOnFailure: false });

  it('sends the request and returns status, body and JSON', async () => {
    const output = await runHttpStep(step(`${base}/restart`), never);
    assert.deepEqual(output, { status: 202, body: '{"restarted":true}', json: { restarted: true } });
    assert.deepEqual(seen.at(-1), { method: 'POST', url: '/restart', body: '{"why":"incident"}', auth: 'Bearer t' });
  });

  it('fails on an unexpected status, saying what came back', async () => {
    await assert.rejects(runHttpStep(step(`${base}/broken`), never), /answered 500: database down/);
  });

  it('stops when the runner aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('timed out')), 50);
    await assert.rejects(runHttpStep(step(`${base}/slow`), controller.signal));
  });
});

describe('exec step', () => {
  const run = execStepRunner({
    echo: { command: '/bin/echo', args: ['scaled'] },
    sleeper: { command: '/bin/sleep', args: [] },
    strict: { command: '/bin/echo', args: [], allowArgs: '[a-z-]+' },
  });
  const step = (executor: string, args: string[]): RunbookStep => ({ id: 's', type: 'exec', executor, args, continueOnFailure: false });

  it('runs a configured executor with the arguments as a vector, not through a shell', async () => {
    const output = await run(step('echo', ['checkout', '$(rm -rf /)', ';', 'id']), never);
    assert.equal(output['stdout'], 'scaled checkout $(rm -rf /) ; id\n');
  });

  it('refuses unknown executors and arguments outside the allowed pattern', async () => {
    await assert.rejects(run(step('bash', ['-c', 'id']), never), /no executor "bash" is configured/);
    await assert.rejects(run(step('strict', ['ok-arg', '--kubeconfig=/etc/x']), never), /does not allow the argument "--kubeconfig=\/etc\/x"/);
  });

  it('kills the process when the runner aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(run(step('sleeper', ['5']), controller.signal));
  });
});
