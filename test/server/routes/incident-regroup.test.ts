import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema, IncidentActionResponseSchema, IncidentDetailResponseSchema, IncidentListResponseSchema } from '../../../src/core/api.js';
import { DEFAULT_WEIGHTS, GroupingModel } from '../../../src/engage/correlate/grouping-model.js';
import { loadGroupingModel } from '../../../src/engage/incidents/grouping-model-state.js';
import { startHarness, type Harness } from '../harness.js';

/** Two unrelated-looking alerts at one time on services the graph does not connect: two incidents. */
async function raiseTwo(h: Harness, minute: number): Promise<{ db: string; api: string }> {
  const time = Date.parse('2029-12-31T10:00:00Z') + minute * 60_000;
  const events = [
    { name: 'connection pool exhausted', service: 'db', severity: 'critical', summary: 'pool at 100%', labels: { env: 'prod', metric: 'pool' }, dedupKey: `db-${minute}`, time },
    { name: 'checkout timeouts', service: 'api', severity: 'error', summary: 'requests time out', labels: { env: 'prod', metric: 'timeouts' }, dedupKey: `api-${minute}`, time: time + 10_000 },
  ];
  for (const payload of events) {
    const sent = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload });
    assert.equal(sent.statusCode, 202, sent.body);
  }
  await h.engine.settle();
  const alerts = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?status=firing' })).json()).alerts;
  const of = (service: string) => alerts.find((a) => a.service === service && a.startsMs >= time)?.incidentId ?? '';
  const raised = { db: of('db'), api: of('api') };
  // Both clear two minutes later, so the next pair meets quiet incidents, not firing ones.
  for (const payload of events) {
    const sent = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { ...payload, status: 'resolved', time: time + 120_000 } });
    assert.equal(sent.statusCode, 202, sent.body);
  }
  await h.engine.settle();
  return raised;
}

describe('incident merge and split', () => {
  let dir: string;
  let h: Harness;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsloop-regroup-'));
    h = await startHarness({ storePath: join(dir, 'opsloop.db') });
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every alert says why it is in its incident', async () => {
    const { db, api } = await raiseTwo(h, 0);
    assert.notEqual(db, api);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${api}` })).json());
    const decision = detail.alerts[0]?.correlation;
    assert.equal(decision?.outcome, 'opened');
    assert.match(decision?.reason ?? '', new RegExp(`^opened: best candidate ${db} scored 0\\.\\d+ < 0\\.5$`));
    assert.equal(decision?.candidates[0]?.incidentId, db);
    assert.ok(detail.timeline.some((entry) => entry.kind === 'alert' && entry.message.includes('opened: best candidate')));
  });

  it('POST /merge moves the alerts, closes the source, writes both timelines, and later grouping changes', async () => {
    const { db, api } = await raiseTwo(h, 60);
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${api}/merge`, payload: { into: db, by: 'alice' } });
    assert.equal(response.statusCode, 200, response.body);
    const merged = IncidentActionResponseSchema.parse(response.json()).incident;
    assert.equal(merged.id, db);
    assert.equal(merged.alertIds.length, 2);
    assert.deepEqual([...merged.services].sort(), ['api', 'db']);
    const source = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${api}` })).json());
    assert.equal(source.incident.status, 'closed');
    assert.ok(source.timeline.some((e) => e.message === `merged into ${db} by alice; closed`));
    const into = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${db}` })).json());
    assert.ok(into.timeline.some((e) => e.message.startsWith(`merged ${api} (1 alert) into this incident by alice`)));
    const moved = into.alerts.find((a) => a.service === 'api');
    assert.equal(moved?.correlation?.outcome, 'merged');
    assert.equal(h.store.groupingFeedback.list().length, 1);
    assert.equal(h.store.groupingFeedback.list()[0]?.joined, true);

    // The same pattern an hour later now groups by itself.
    const later = await raiseTwo(h, 120);
    assert.equal(later.api, later.db);
  });

  it('POST /split moves alerts into a new incident and learns they should not have joined', async () => {
    const { db } = await raiseTwo(h, 180);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${db}` })).json());
    const apiAlert = detail.alerts.find((a) => a.service === 'api');
    assert.equal(apiAlert?.correlation?.outcome, 'joined');
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${db}/split`, payload: { alertIds: [apiAlert?.id], by: 'bob' } });
    assert.equal(response.statusCode, 200, response.body);
    const created = IncidentActionResponseSchema.parse(response.json()).incident;
    assert.notEqual(created.id, db);
    assert.deepEqual(created.alertIds, [apiAlert?.id]);
    const source = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${db}` })).json());
    assert.equal(source.alerts.length, 1);
    assert.ok(source.timeline.some((e) => e.message === `split 1 alert off into ${created.id} by bob`));
    const feedback = h.store.groupingFeedback.list();
    assert.equal(feedback.length, 2);
    assert.equal(feedback[1]?.joined, false);
    assert.equal(feedback[1]?.action, 'split');
  });

  it('rejects bad merges and splits with clear messages', async () => {
    const open = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents?status=triggered' })).json()).incidents;
    const one = open[0]?.id ?? '';
    const self = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${one}/merge`, payload: { into: one } });
    assert.equal(self.statusCode, 400);
    assert.match(self.json<{ message: string }>().message, /cannot be merged into itself/);
    const missing = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${one}/merge`, payload: { into: 'inc_nope' } });
    assert.equal(missing.statusCode, 404);
    const noBody = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${one}/split`, payload: { alertIds: [] } });
    assert.equal(noBody.statusCode, 400);
    const foreign = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${one}/split`, payload: { alertIds: ['alr_nope'] } });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.json<{ message: string }>().message, /alr_nope not in incident/);
    const all = open[0]?.alertIds ?? [];
    const everything = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${one}/split`, payload: { alertIds: all } });
    assert.equal(everything.statusCode, 409);
  });

  it('the learned weights survive a restart', async () => {
    await h.close();
    h = await startHarness({ storePath: join(dir, 'opsloop.db') });
    const state = loadGroupingModel(h.store);
    assert.equal(state?.examples, 2, 'one merge and one split learned');
    const again = await raiseTwo(h, 240);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${again.api}` })).json());
    const decision = detail.alerts.find((a) => a.service === 'api')?.correlation;
    assert.ok(decision);
    const learned = new GroupingModel(0.5, state).score(decision.features);
    assert.ok(Math.abs(decision.score - learned) < 0.001, `score ${decision.score} is the learned model's ${learned}`);
    assert.notDeepEqual(state?.weights, DEFAULT_WEIGHTS);
  });
});
