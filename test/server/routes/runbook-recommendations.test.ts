import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunbookRecommendationsResponseSchema } from '../../../src/core/runbook-recommendation-api.js';
import { startHarness, type Harness } from '../harness.js';

const SCALE = `id: scale-out
name: Scale out
triggers:
  incident: 'size(incident.causes) > 0 && incident.causes[0].indicator.contains("latency")'
approval: { required: false }
autoRun: { enabled: true, minConfidence: 0.5 }
steps:
  - id: settle
    type: wait
    seconds: 1
`;

describe('GET /api/v1/incidents/{id}/runbook-recommendations', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.engine.runbooks.catalog.save(SCALE, 'test', Date.now());
    h.engine.runbooks.catalog.save(SCALE.replace('id: scale-out', 'id: other').replace('"latency"', '"error"'), 'test', Date.now());
    h.engine.store.incidents.save({
      id: 'inc-1',
      title: 'checkout: p99 latency up',
      status: 'triggered',
      severity: 'critical',
      services: ['checkout'],
      startedMs: 1,
      updatedMs: 1,
      alertIds: [],
      causes: [{ service: 'checkout', score: 0.8, indicator: 'p99 latency up', evidence: '' }],
    });
  });
  after(() => h.close());

  it('lists the runbooks whose triggers match, with evidence and the auto-run decision', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents/inc-1/runbook-recommendations' });
    assert.equal(response.statusCode, 200);
    const { recommendations } = RunbookRecommendationsResponseSchema.parse(response.json());
    assert.deepEqual(recommendations.map((r) => r.runbookId), ['scale-out']);
    assert.equal(recommendations[0]?.confidence, 0.5);
    assert.match(recommendations[0]?.evidence ?? '', /no similar incidents yet/);
    assert.equal(recommendations[0]?.autoRun.allowed, true);
  });

  it('answers 404 for an unknown incident', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents/nope/runbook-recommendations' });
    assert.equal(response.statusCode, 404);
  });
});
