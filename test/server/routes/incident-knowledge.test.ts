import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IncidentDetailResponseSchema } from '../../../src/core/api.js';
import {
  PostmortemResponseSchema,
  ProblemListResponseSchema,
  ProblemResponseSchema,
  SimilarIncidentsResponseSchema,
} from '../../../src/core/incident-api.js';
import { startHarness, type Harness } from '../harness.js';
import { raise, sendEvent } from './raise.js';

describe('postmortems, problems and similar incidents', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  before(async () => {
    h = await startHarness();
    // A deploy five minutes before the first incident: before it, so on no timeline, yet near it.
    const deploy = await h.app.inject({ method: 'POST', url: '/api/v1/changes', payload: { service: 'payment', version: 'v9', description: 'new card client', time: '2024-04-01T09:55:00Z' } });
    assert.equal(deploy.statusCode, 201);
    ids.old = (await raise(h, { name: 'PaymentDeclines', service: 'payment', time: '2024-04-01T10:00:00Z', summary: 'card declines up', labels: { provider: 'acme' } })).id;
    await sendEvent(h, { name: 'PaymentDeclines', service: 'payment', time: '2024-04-01T10:10:00Z', status: 'resolved', labels: { provider: 'acme' } });
    await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${ids.old}/resolve`, payload: { resolution: 'failed over to the backup provider' } });
    ids.disk = (await raise(h, { name: 'DiskFull', service: 'db', time: '2024-04-10T10:00:00Z', summary: 'volume full' })).id;
    // Same name, new fingerprint (labels differ), weeks later: a new incident, not a reopen.
    ids.now = (await raise(h, { name: 'PaymentDeclines', service: 'payment', time: '2024-05-01T10:00:00Z', summary: 'card declines up', labels: { provider: 'acme', region: 'eu' } })).id;
  });
  after(() => h.close());

  it('GET …/similar ranks the earlier recurrence first, with its resolution', async () => {
    const response = await h.app.inject({ url: `/api/v1/incidents/${ids.now}/similar` });
    assert.equal(response.statusCode, 200, response.body);
    const { similar } = SimilarIncidentsResponseSchema.parse(response.json());
    assert.equal(similar[0]?.incident.id, ids.old);
    assert.equal(similar[0]?.incident.resolution, 'failed over to the backup provider');
    assert.ok(similar[0]?.terms.includes('paymentdeclines'));
    assert.equal(similar[0]?.postmortem, false);
    assert.ok(!similar.some((s) => s.incident.id === ids.now));
    assert.ok(!similar.some((s) => s.incident.id === ids.disk), 'shares no term');
    assert.equal((await h.app.inject({ url: `/api/v1/incidents/${ids.now}/similar?limit=0` })).statusCode, 400);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents/inc_missing/similar' })).statusCode, 404);
  });

  it('POST …/postmortem drafts from the template with the timeline; GET and PUT edit it; a second POST is 409', async () => {
    const url = `/api/v1/incidents/${ids.old}/postmortem`;
    assert.equal((await h.app.inject({ url })).statusCode, 404);
    const created = await h.app.inject({ method: 'POST', url, payload: { by: 'frank' } });
    assert.equal(created.statusCode, 201, created.body);
    const { postmortem } = PostmortemResponseSchema.parse(created.json());
    assert.equal(postmortem.status, 'draft');
    for (const heading of ['## Summary', '## Impact', '## Timeline (UTC)', '## Root cause', '## Action items']) assert.ok(postmortem.markdown.includes(heading), heading);
    assert.match(postmortem.markdown, /2024-04-01T10:00:00Z · alert — PaymentDeclines on payment/);
    assert.match(postmortem.markdown, /Resolution: failed over to the backup provider/);
    assert.match(postmortem.markdown, /- 2024-04-01T09:55:00Z · deploy of payment v9: new card client/);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${ids.old}` })).json());
    assert.deepEqual(detail.changes.map((c) => c.version), ['v9']);

    const again = await h.app.inject({ method: 'POST', url });
    assert.equal(again.statusCode, 409);
    assert.match(again.json<{ message: string }>().message, /has a postmortem already; edit it with PUT/);

    const put = await h.app.inject({ method: 'PUT', url, payload: { markdown: '# Edited', status: 'published', by: 'grace' } });
    assert.equal(put.statusCode, 200, put.body);
    const read = PostmortemResponseSchema.parse((await h.app.inject({ url })).json()).postmortem;
    assert.deepEqual([read.markdown, read.status, read.updatedBy], ['# Edited', 'published', 'grace']);
    const bad = await h.app.inject({ method: 'PUT', url, payload: { status: 'final' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /body\.markdown/);
    assert.equal((await h.app.inject({ method: 'PUT', url: `/api/v1/incidents/${ids.disk}/postmortem`, payload: { markdown: 'x' } })).statusCode, 404);

    const similar = SimilarIncidentsResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${ids.now}/similar` })).json()).similar;
    assert.equal(similar[0]?.postmortem, true);
    const timeline = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${ids.old}` })).json()).timeline;
    assert.deepEqual(timeline.filter((e) => e.kind === 'postmortem').map((e) => e.message), ['postmortem draft created', 'postmortem published']);
  });

  it('problems link recurring incidents, show on the incident and on its timeline, and unlink', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: 'Acme declines cards under load', incidentIds: [ids.old], by: 'heidi' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { problem } = ProblemResponseSchema.parse(created.json());
    assert.equal(problem.status, 'open');
    assert.deepEqual(problem.incidentIds, [ids.old]);

    const linked = await h.app.inject({ method: 'POST', url: `/api/v1/problems/${problem.id}/incidents`, payload: { incidentId: ids.now } });
    assert.deepEqual(ProblemResponseSchema.parse(linked.json()).problem.incidentIds, [ids.now, ids.old]);

    const patched = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/problems/${problem.id}`,
      payload: { status: 'known_error', knownError: 'Acme rate-limits us above 200 rps', workaround: 'Fail over to the backup provider' },
    });
    assert.equal(ProblemResponseSchema.parse(patched.json()).problem.status, 'known_error');

    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${ids.now}` })).json());
    assert.equal(detail.problem?.workaround, 'Fail over to the backup provider');
    assert.ok(detail.timeline.some((e) => e.kind === 'problem' && e.message.startsWith(`linked to problem ${problem.id}`)));
    const similar = SimilarIncidentsResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${ids.now}/similar` })).json()).similar;
    assert.equal(similar[0]?.problemId, problem.id);

    const listed = ProblemListResponseSchema.parse((await h.app.inject({ url: '/api/v1/problems?status=known_error' })).json());
    assert.deepEqual(listed.problems.map((p) => p.id), [problem.id]);

    const unlinked = await h.app.inject({ method: 'DELETE', url: `/api/v1/problems/${problem.id}/incidents/${ids.now}?by=ivan` });
    assert.deepEqual(ProblemResponseSchema.parse(unlinked.json()).problem.incidentIds, [ids.old]);
    assert.equal((await h.app.inject({ method: 'DELETE', url: `/api/v1/problems/${problem.id}/incidents/${ids.now}` })).statusCode, 404);
  });

  it('problem routes answer 400 and 404 with clear messages', async () => {
    const noTitle = await h.app.inject({ method: 'POST', url: '/api/v1/problems', payload: {} });
    assert.equal(noTitle.statusCode, 400);
    assert.match(noTitle.json<{ message: string }>().message, /body\.title/);
    const unknownIncident = await h.app.inject({ method: 'POST', url: '/api/v1/problems', payload: { title: 't', incidentIds: ['inc_missing'] } });
    assert.equal(unknownIncident.statusCode, 404);
    assert.equal(unknownIncident.json<{ message: string }>().message, 'Incident inc_missing not found');
    // Nothing half-made is left behind by the refused request.
    const all = ProblemListResponseSchema.parse((await h.app.inject({ url: '/api/v1/problems' })).json());
    assert.ok(!all.problems.some((p) => p.title === 't'));
    assert.equal((await h.app.inject({ url: '/api/v1/problems/prb_missing' })).statusCode, 404);
    const badStatus = await h.app.inject({ method: 'PATCH', url: '/api/v1/problems/prb_missing', payload: { status: 'done' } });
    assert.equal(badStatus.statusCode, 400);
    const empty = await h.app.inject({ method: 'PATCH', url: '/api/v1/problems/prb_missing', payload: {} });
    assert.match(empty.json<{ message: string }>().message, /nothing to change/);
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/problems/prb_missing/incidents', payload: { incidentId: ids.now } })).statusCode, 404);
  });
});
