/**
 * Runbooks through the HTTP API (docs/runbooks.md "API"): create and version from YAML, start,
 * dry-run, approve, reject, expire, cancel, the kill switch and limits, a hanging step timed out
 * with the incident told, an executor that is down, restart recovery and the audit trail.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Execution } from '../../../src/core/runbook-api.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import { startHarness, type Harness } from '../harness.js';
import { raise, sendEvent } from './raise.js';

/** A wall clock a test can push forward (approval expiry) while timers stay real. */
function movableClock() {
  let offset = 0;
  return { now: () => performance.timeOrigin + performance.now() + offset, skip: (ms: number) => (offset += ms) };
}

const yaml = (id: string, steps: string, extra = '') => `id: ${id}
name: Runbook ${id}
${extra}
steps:
${steps}
`;
const NO_APPROVAL = 'approval: { required: false }';

async function start(h: Harness, id: string, body: Record<string, unknown> = {}) {
  return h.app.inject({ method: 'POST', url: `/api/v1/runbooks/${id}/executions`, payload: body });
}
async function create(h: Harness, source: string) {
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', payload: { source } });
  assert.equal(response.statusCode, 201, response.body);
}
async function ended(h: Harness, id: string): Promise<Execution> {
  return h.engine.runbooks.executions.ended(id);
}

describe('runbook API', () => {
  let h: Harness;
  let target: Server;
  let base: string;
  const clock = movableClock();
  const hits: string[] = [];
  let dir: string;

  before(async () => {
    target = createServer((request, response) => {
      hits.push(`${request.method} ${request.url}`);
      if (request.url === '/hang') return;
      response.statusCode = 202;
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const address = target.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    dir = mkdtempSync(join(tmpdir(), 'opsloop-runbooks-'));
    writeFileSync(join(dir, 'from-file.yaml'), yaml('from-file', '  - { id: pause, type: wait, seconds: 0.01 }', NO_APPROVAL));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nname: Broken\nsteps:\n  - id: x\n    type: teleport\n');
    h = await startHarness({
      now: clock.now,
      config: { runbooks: { dir, executors: { down: { command: '/nonexistent/kubectl', args: [] } } } },
      runbooks: { verifyPollMs: 20 },
    });
  });
  after(async () => {
    await h.close();
    target.closeAllConnections();
    target.close();
  });

  it('lists file runbooks and the problems of files that did not load', async () => {
    const body = (await h.app.inject({ url: '/api/v1/runbooks' })).json<{ runbooks: Array<{ id: string; origin: string }>; problems: Array<{ source: string; line: number; message: string }> }>();
    assert.deepEqual(body.runbooks.map((r) => [r.id, r.origin]), [['from-file', 'file']]);
    assert.equal(body.problems.length, 1);
    assert.match(body.problems[0]?.source ?? '', /broken\.yaml$/);
    assert.equal(body.problems[0]?.line, 5);
  });

  it('refuses YAML with problems, naming line and column, and versions every save', async () => {
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', payload: { source: 'id: bad\nname: Bad\nsteps:\n  - id: s\n    type: http\n    url: "{{ inputs.nope }}"\n' } });
    assert.equal(bad.statusCode, 400);
    const problems = bad.json<{ problems: Array<{ line: number; column: number; message: string }> }>().problems;
    assert.equal(problems[0]?.line, 6);
    assert.match(problems[0]?.message ?? '', /input "nope"/);

    await create(h, yaml('ping', `  - { id: call, type: http, url: '${base}/ping' }`, NO_APPROVAL));
    const updated = await h.app.inject({ method: 'PUT', url: '/api/v1/runbooks/ping', payload: { source: yaml('ping', `  - { id: call, type: http, url: '${base}/ping2' }`, NO_APPROVAL) } });
    assert.equal(updated.statusCode, 200, updated.body);
    const detail = updated.json<{ runbook: { version: number; versions: Array<{ version: number }>; source: string } }>().runbook;
    assert.equal(detail.version, 2);
    assert.deepEqual(detail.versions.map((v) => v.version), [2, 1]);
    const first = (await h.app.inject({ url: '/api/v1/runbooks/ping/versions/1' })).json<{ source: string }>();
    assert.match(first.source, /\/ping'/);

    const fileEdit = await h.app.inject({ method: 'PUT', url: '/api/v1/runbooks/from-file', payload: { source: yaml('from-file', '  - { id: w, type: wait, seconds: 1 }') } });
    assert.equal(fileEdit.statusCode, 409);
    assert.match(fileEdit.json<{ message: string }>().message, /read-only through the API: edit the file/);
  });

  it('runs an execution to the end, step records stored, and audits it with secrets redacted', async () => {
    await create(h, yaml('restart', `  - { id: call, type: http, url: '${base}/restart/{{ inputs.service }}', headers: { authorization: 'Bearer {{ inputs.apiToken }}' } }`, `${NO_APPROVAL}\ninputs:\n  service: { type: string }\n  apiToken: { type: string }`));
    const response = await start(h, 'restart', { inputs: { service: 'cart', apiToken: 's3cret-value' } });
    assert.equal(response.statusCode, 201, response.body);
    const execution = await ended(h, response.json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'succeeded', execution.error);
    assert.equal(execution.steps[0]?.status, 'succeeded');
    assert.equal(execution.steps[0]?.output?.['status'], 202);
    assert.ok(hits.includes('POST /restart/cart'));
    assert.equal(execution.inputs['apiToken'], '********');
    const audit = h.store.audit.list({ subjectKind: 'runbook_execution' });
    const entry = audit.find((e) => e.subjectId === execution.id && e.action === 'runbook.execution.ended');
    assert.ok(entry);
    assert.doesNotMatch(JSON.stringify(audit), /s3cret-value/);
    assert.match(JSON.stringify(entry.after), /"service":"cart"/);
  });

  it('dry-runs: every step rendered and reported, nothing done', async () => {
    await create(h, yaml('dry', `  - { id: call, type: http, url: '${base}/dry' }\n  - { id: scale, type: exec, executor: down, args: ['--replicas={{ steps.call.status }}'] }`));
    const before = hits.length;
    const response = await start(h, 'dry', { dryRun: true });
    const execution = await ended(h, response.json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'succeeded');
    assert.equal(hits.length, before);
    assert.match(String(execution.steps[0]?.output?.['would']), new RegExp(`POST ${base}/dry`));
    assert.match(String(execution.steps[1]?.output?.['would']), /--replicas=200/);
  });

  it('holds for approval; approved it runs, rejected it ends', async () => {
    await create(h, yaml('gated', `  - { id: call, type: http, url: '${base}/gated' }`, 'limits: { concurrent: 5, perTarget: 5 }'));
    const waiting = (await start(h, 'gated')).json<{ execution: Execution }>().execution;
    assert.equal(waiting.status, 'awaiting_approval');
    assert.deepEqual(waiting.approval?.roles, ['responder', 'admin']);
    const inbox = (await h.app.inject({ url: '/api/v1/runbook-executions?status=awaiting_approval' })).json<{ executions: Execution[] }>();
    assert.ok(inbox.executions.some((e) => e.id === waiting.id));
    const approved = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${waiting.id}/approve`, payload: { comment: 'go' } });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await ended(h, waiting.id)).status, 'succeeded');
    const again = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${waiting.id}/approve` });
    assert.equal(again.statusCode, 409);

    const second = (await start(h, 'gated')).json<{ execution: Execution }>().execution;
    const rejected = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${second.id}/reject`, payload: { comment: 'not now' } });
    assert.equal(rejected.json<{ execution: Execution }>().execution.status, 'rejected');
  });

  it('expires an approval nobody gave', async () => {
    await create(h, yaml('slowly', '  - { id: w, type: wait, seconds: 0.01 }', 'approval: { expiresMinutes: 1 }'));
    const waiting = (await start(h, 'slowly')).json<{ execution: Execution }>().execution;
    clock.skip(61_000);
    assert.equal(h.engine.runbooks.executions.sweep(), 1);
    const expired = h.engine.runbooks.executions.get(waiting.id);
    assert.equal(expired.status, 'expired');
    assert.equal(expired.approval?.state, 'expired');
  });

  it('refuses beyond the limits, with the reason recorded', async () => {
    await create(h, yaml('one-at-a-time', '  - { id: w, type: wait, seconds: 5 }', `${NO_APPROVAL}\ntarget: cart`));
    const first = (await start(h, 'one-at-a-time')).json<{ execution: Execution }>().execution;
    const refused = await start(h, 'one-at-a-time');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json<{ message: string }>().message, /limits\.concurrent/);
    const recorded = h.engine.runbooks.executions.list({ runbookId: 'one-at-a-time', statuses: ['rejected'] });
    assert.match(recorded[0]?.error ?? '', /^refused: /);
    const cancelled = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${first.id}/cancel` });
    assert.equal(cancelled.statusCode, 200);
    const end = await ended(h, first.id);
    assert.equal(end.status, 'cancelled');
    assert.equal(end.steps[0]?.status, 'cancelled');
  });

  it('the kill switch cancels what runs and refuses new executions until released', async () => {
    await create(h, yaml('long', '  - { id: w, type: wait, seconds: 5 }', `${NO_APPROVAL}\nlimits: { concurrent: 3, perTarget: 3 }`));
    const running = (await start(h, 'long')).json<{ execution: Execution }>().execution;
    const engaged = await h.app.inject({ method: 'PUT', url: '/api/v1/runbook-kill-switch', payload: { engaged: true, reason: 'bad deploy' } });
    assert.equal(engaged.json<{ cancelled: number }>().cancelled, 1);
    assert.equal((await ended(h, running.id)).status, 'cancelled');
    const refused = await start(h, 'long');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json<{ message: string }>().message, /kill switch is engaged \(bad deploy\)/);
    await h.app.inject({ method: 'PUT', url: '/api/v1/runbook-kill-switch', payload: { engaged: false } });
    const allowed = await start(h, 'long', { dryRun: false });
    assert.equal(allowed.statusCode, 201);
    await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${allowed.json<{ execution: Execution }>().execution.id}/cancel` });
  });

  it('times a hanging step out, rolls back, and tells the incident', async () => {
    const incident = await raise(h, { name: 'HighErrorRate', service: 'checkout', time: new Date(clock.now()).toISOString() });
    await create(
      h,
      yaml('hangs', `  - { id: call, type: http, url: '${base}/hang', timeoutSeconds: 0.2 }`, `${NO_APPROVAL}\nrollback:\n  - { id: note, type: incident, note: 'restart failed: {{ steps.call.error }}' }`),
    );
    const response = await start(h, 'hangs', { incidentId: incident.id });
    const execution = await ended(h, response.json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'failed');
    assert.equal(execution.failedStep, 'call');
    assert.equal(execution.steps[0]?.status, 'timed_out');
    assert.equal(execution.steps[1]?.status, 'succeeded');
    const timeline = h.store.incidents.timeline(incident.id).map((entry) => entry.message);
    assert.ok(timeline.some((m) => /runbook hangs: step call timed out/.test(m)), timeline.join('\n'));
    assert.ok(timeline.some((m) => /restart failed: timed out after 0\.2 s/.test(m)), timeline.join('\n'));
    assert.ok(timeline.some((m) => /runbook hangs: ended failed.*#\/runbooks\/executions\//.test(m)));
  });

  it('fails clearly when an executor is down', async () => {
    await create(h, yaml('kube', "  - { id: scale, type: exec, executor: down, args: ['scale'] }", NO_APPROVAL));
    const execution = await ended(h, (await start(h, 'kube')).json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'failed');
    assert.match(execution.error ?? '', /step scale failed: down.*ENOENT/);
  });

  it('verifies that the incident\'s alerts cleared, and resolves it', async () => {
    const incident = await raise(h, { name: 'Latency', service: 'search', time: new Date(clock.now()).toISOString() });
    await create(h, yaml('fix-search', "  - { id: check, type: verify, condition: { alertsResolved: true }, withinSeconds: 5 }\n  - { id: close, type: incident, status: resolve, note: 'verified' }", NO_APPROVAL));
    const started = (await start(h, 'fix-search', { incidentId: incident.id })).json<{ execution: Execution }>().execution;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const resolved = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'Latency', service: 'search', severity: 'critical', status: 'resolved', time: new Date(clock.now()).toISOString() } });
    assert.equal(resolved.statusCode, 202);
    const execution = await ended(h, started.id);
    assert.equal(execution.status, 'succeeded', execution.error);
    assert.equal(h.store.incidents.get(incident.id)?.status, 'resolved');
  });

  it('fails a verify whose condition never holds, saying what it saw', async () => {
    const incident = await raise(h, { name: 'DiskFull', service: 'db', time: new Date(clock.now()).toISOString() });
    await create(h, yaml('never', '  - { id: check, type: verify, condition: { alertsResolved: true }, withinSeconds: 0.1 }', NO_APPROVAL));
    const execution = await ended(h, (await start(h, 'never', { incidentId: incident.id })).json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'failed');
    assert.match(execution.error ?? '', /did not hold within 0\.1 s.*still firing: DiskFull/);
  });

  it('records an action on its target as a change of kind runbook, so timelines, RCA and forecasts know', async () => {
    await create(h, yaml('bounce', `  - { id: restart, type: http, url: '${base}/restart' }\n  - { id: pause, type: wait, seconds: 0.01 }`, `${NO_APPROVAL}\ntarget: orders`));
    const execution = await ended(h, (await start(h, 'bounce')).json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'succeeded', execution.error);
    const changes = h.store.changes.list({ range: { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER }, service: 'orders' });
    assert.deepEqual(changes.map((change) => [change.kind, change.description]), [['runbook', `Runbook bounce step restart acted on orders (execution ${execution.id})`]]);
  });

  it('calls another runbook as a child execution, bounded in depth', async () => {
    await create(h, yaml('child', `  - { id: call, type: http, url: '${base}/child' }`, `${NO_APPROVAL}\nlimits: { concurrent: 5, perTarget: 5 }`));
    await create(h, yaml('parent', '  - { id: sub, type: runbook, runbook: child }', NO_APPROVAL));
    const execution = await ended(h, (await start(h, 'parent')).json<{ execution: Execution }>().execution.id);
    assert.equal(execution.status, 'succeeded', execution.error);
    const childId = String(execution.steps[0]?.output?.['executionId']);
    const child = h.engine.runbooks.executions.get(childId);
    assert.equal(child.trigger.parentExecutionId, execution.id);
    assert.equal(child.depth, 1);

    await create(h, yaml('loop', '  - { id: again, type: runbook, runbook: loop }', `${NO_APPROVAL}\nlimits: { concurrent: 10, perTarget: 10, perHour: 100 }`));
    const looped = await ended(h, (await start(h, 'loop')).json<{ execution: Execution }>().execution.id);
    assert.equal(looped.status, 'failed');
    assert.match(looped.error ?? '', /runbooks\.maxDepth is 3/);
  });

  it('offers runbooks whose triggers match a new incident, and auto-runs when policy allows', async () => {
    await create(h, yaml('offered', '  - { id: w, type: wait, seconds: 0.01 }', "triggers: { incident: 'incident.services.exists(s, s == \"payments\")' }"));
    await create(h, yaml('auto', '  - { id: w, type: wait, seconds: 0.01 }', `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { alert: 'alert.name == "QueueBacklog"' }`));
    const incident = await raise(h, { name: 'QueueBacklog', service: 'payments', time: new Date(clock.now()).toISOString() });
    const offers = (await h.app.inject({ url: `/api/v1/incidents/${incident.id}/runbook-offers` })).json<{ offers: Array<{ runbookId: string; executionId?: string; decision: string }> }>().offers;
    const byId = new Map(offers.map((offer) => [offer.runbookId, offer]));
    assert.match(byId.get('offered')?.decision ?? '', /^offered: (auto already ran|the runbook does not allow auto-run)/);
    assert.equal(byId.get('offered')?.executionId, undefined);
    const autoId = byId.get('auto')?.executionId;
    assert.ok(autoId);
    assert.equal((await ended(h, autoId)).status, 'succeeded');
  });

  it('runs the next matching runbook when the first one fails to fix the incident, and never one twice', async () => {
    const trigger = `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { alert: 'alert.name == "CacheErrors"' }`;
    await create(h, yaml('a-wrong-fix', '  - { id: check, type: verify, condition: { alertsResolved: true }, withinSeconds: 0.1 }', trigger));
    await create(h, yaml('b-right-fix', '  - { id: w, type: wait, seconds: 0.01 }', trigger));
    const incident = await raise(h, { name: 'CacheErrors', service: 'basket', time: new Date(clock.now()).toISOString() });
    const offers = async () => (await h.app.inject({ url: `/api/v1/incidents/${incident.id}/runbook-offers` })).json<{ offers: Array<{ runbookId: string; executionId?: string; decision: string }> }>().offers;
    const first = (await offers()).filter((offer) => offer.executionId !== undefined);
    assert.deepEqual(first.map((offer) => offer.runbookId), ['a-wrong-fix'], 'one fix at a time');
    assert.equal((await ended(h, first[0]?.executionId ?? '')).status, 'failed');
    await h.engine.runbooks.executions.idle();
    const next = new Map((await offers()).map((offer) => [offer.runbookId, offer]));
    const retried = next.get('b-right-fix')?.executionId;
    assert.ok(retried, `the next runbook ran after the first failed: ${next.get('b-right-fix')?.decision}`);
    assert.equal((await ended(h, retried)).status, 'succeeded');
    const runs = h.store.runbooks.executions({ incidentId: incident.id, dryRun: false });
    assert.deepEqual(runs.map((execution) => execution.runbookId).sort(), ['a-wrong-fix', 'b-right-fix']);
  });

  it('decides on the causes ranked for a new incident, which it is published without', async () => {
    await create(h, yaml('by-cause', '  - { id: w, type: wait, seconds: 0.01 }', `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { incident: 'size(incident.causes) > 0 && incident.causes[0].service == "vault"' }`));
    const incident = await raise(h, { name: 'VaultSealed', service: 'vault', time: new Date(clock.now()).toISOString() });
    await h.engine.runbooks.executions.idle();
    const runs = h.store.runbooks.executions({ incidentId: incident.id, runbookId: 'by-cause', dryRun: false });
    assert.equal(runs.length, 1, `ran on the top cause: ${JSON.stringify(h.store.runbooks.offers(incident.id))}`);
  });

  /** A runbook's executions for an incident, and a wait until they and what they set off have ended. */
  function runsOf(incidentId: string, runbookId: string) {
    const runs = () => h.store.runbooks.executions({ incidentId, runbookId, dryRun: false });
    const settle = async () => {
      for (const execution of runs()) await ended(h, execution.id);
      await h.engine.runbooks.executions.idle();
    };
    return { runs, settle };
  }

  it('runs a failed fix again once the incident gains alerts, up to three runs, and not without new alerts', async () => {
    const trigger = `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { alert: 'alert.name.startsWith("StaleCache")' }`;
    await create(h, yaml('early-fix', '  - { id: check, type: verify, condition: { alertsResolved: true }, withinSeconds: 0.1 }', trigger));
    const at = () => new Date(clock.now()).toISOString();
    const incident = await raise(h, { name: 'StaleCache', service: 'cellar', time: at() });
    const { runs, settle } = runsOf(incident.id, 'early-fix');
    await settle();
    assert.deepEqual(runs().map((execution) => execution.status), ['failed']);
    await sendEvent(h, { name: 'StaleCache', service: 'cellar', time: at() });
    await settle();
    assert.equal(runs().length, 1, 'a repeat of the same alert is no new symptom');
    for (const name of ['StaleCache reads', 'StaleCache writes', 'StaleCache evictions']) {
      await sendEvent(h, { name, service: 'cellar', time: at() });
      await settle();
    }
    const after = h.store.incidents.get(incident.id);
    assert.equal(after?.alertIds.length, 4, 'the new alerts joined the incident');
    assert.deepEqual(runs().map((execution) => execution.status), ['failed', 'failed', 'failed'], 'ran again after each new alert, three runs in all');
    const offer = h.store.runbooks.offers(incident.id).find((candidate) => candidate.runbookId === 'early-fix');
    assert.equal(offer?.executionId, runs()[0]?.id, 'the offer names the latest run');
  });

  it('does not run a failed fix again for alerts that joined while it ran', async () => {
    const slowFix = '  - { id: w, type: wait, seconds: 2 }\n  - { id: check, type: verify, condition: { alertsResolved: true }, withinSeconds: 0.05 }';
    await create(h, yaml('slow-fix', slowFix, `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { alert: 'alert.name.startsWith("Spreading")' }`));
    const at = () => new Date(clock.now()).toISOString();
    const incident = await raise(h, { name: 'Spreading', service: 'loft', time: at() });
    const { runs, settle } = runsOf(incident.id, 'slow-fix');
    assert.equal(runs()[0]?.status, 'running');
    await sendEvent(h, { name: 'Spreading further', service: 'loft', time: at() });
    await settle();
    assert.equal(h.store.incidents.get(incident.id)?.alertIds.length, 2, 'the alert joined while the fix ran');
    assert.deepEqual(runs().map((execution) => execution.status), ['failed'], 'what it failed against reopens nothing');
  });

  it('chooses a fix again when alerts join an incident after a verified one', async () => {
    await create(h, yaml('quick-fix', '  - { id: w, type: wait, seconds: 0.01 }', `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntriggers: { alert: 'alert.name.startsWith("Flaky")' }`));
    const at = () => new Date(clock.now()).toISOString();
    const incident = await raise(h, { name: 'Flaky', service: 'attic', time: at() });
    const { runs, settle } = runsOf(incident.id, 'quick-fix');
    await settle();
    await sendEvent(h, { name: 'Flaky', service: 'attic', time: at() });
    await settle();
    assert.deepEqual(runs().map((execution) => execution.status), ['succeeded'], 'a repeat does not reopen it');
    await sendEvent(h, { name: 'Flaky again', service: 'attic', time: at() });
    await settle();
    assert.deepEqual(runs().map((execution) => execution.status), ['succeeded', 'succeeded'], 'a new alert after the fix reopens it');
  });
  it('gives a target freed by a fix to the oldest incident waiting for it, and nothing to an incident with no alert firing', async () => {
    const auto = `${NO_APPROVAL}\nautoRun: { enabled: true, minConfidence: 0.5 }\ntarget: barnyard`;
    await create(h, yaml('yard-holder', '  - { id: w, type: wait, seconds: 0.6 }', `${auto}\ntriggers: { alert: 'alert.name == "YardHolder"' }`));
    await create(h, yaml('yard-fix', '  - { id: w, type: wait, seconds: 0.01 }', `${auto}\nlimits: { concurrent: 3, perTarget: 1, perHour: 20 }\ntriggers: { alert: 'alert.labels.yard == "fix"' }`));
    const at = () => new Date(clock.now()).toISOString();
    const holding = await raise(h, { name: 'YardHolder', service: 'shed', time: at() });
    const holder = runsOf(holding.id, 'yard-holder').runs()[0];
    assert.equal(holder?.status, 'running');
    const labels = { yard: 'fix' };
    // Far enough apart in time that correlation keeps them apart.
    const apart = () => clock.skip(3_600_000);
    apart();
    const older = await raise(h, { name: 'Boiler pressure low', service: 'boiler', time: at(), labels });
    apart();
    const quiet = await raise(h, { name: 'Gutter overflowing', service: 'gutter', time: at(), labels });
    apart();
    const newer = await raise(h, { name: 'Fence post loose', service: 'fence', time: at(), labels });
    assert.equal(new Set([holding.id, older.id, quiet.id, newer.id]).size, 4, 'four incidents');
    await sendEvent(h, { name: 'Gutter overflowing', service: 'gutter', time: at(), labels, status: 'resolved' });
    const statuses = (incidentId: string) => runsOf(incidentId, 'yard-fix').runs().map((execution) => execution.status);
    for (const incident of [older, quiet, newer]) assert.deepEqual(statuses(incident.id), ['rejected'], 'refused while the holder acts on the target');
    await ended(h, holder?.id ?? '');
    for (const incident of [older, newer]) await runsOf(incident.id, 'yard-fix').settle();
    const fixed = (incidentId: string) => runsOf(incidentId, 'yard-fix').runs().find((execution) => execution.status === 'succeeded');
    const [first, second] = [fixed(older.id), fixed(newer.id)];
    assert.ok(first && second, `both ran in the end: ${statuses(older.id)} / ${statuses(newer.id)}`);
    assert.ok((first.startedMs ?? Infinity) <= (second.startedMs ?? 0), 'the oldest incident got the target first, the newer one when that fix ended');
    assert.deepEqual(statuses(quiet.id), ['rejected'], 'nothing is started for an incident whose alerts all resolved');
  });
});

describe('runbook executions across a restart', () => {
  it('marks executions that were running failed, interrupted by restart', async () => {
    const storePath = join(mkdtempSync(join(tmpdir(), 'opsloop-rb-restart-')), 'opsloop.db');
    const first = await startHarness({ storePath, now: () => performance.timeOrigin + performance.now() });
    await create(first, yaml('slow', '  - { id: w, type: wait, seconds: 30 }', NO_APPROVAL));
    const id = (await start(first, 'slow')).json<{ execution: Execution }>().execution.id;
    await new Promise((resolve) => setTimeout(resolve, 30));
    // What a crash leaves behind: the row as it was while the step ran.
    const crashed = first.store.runbooks.getExecution(id);
    assert.equal(crashed?.execution.status, 'running');
    await first.close();
    const direct = openSqliteStore({ path: storePath });
    direct.runbooks.saveExecution(crashed!);
    direct.close();

    const second = await startHarness({ storePath, now: () => performance.timeOrigin + performance.now() });
    try {
      const execution = second.engine.runbooks.executions.get(id);
      assert.equal(execution.status, 'failed');
      assert.match(execution.error ?? '', /interrupted by restart during step w/);
    } finally {
      await second.close();
    }
  });
});
