import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImprovementReportSchema } from '../../../src/core/report-api.js';
import { DAY, FROM, TO, seedWorld } from '../../act/reports/report-world.js';
import { startHarness, type Harness } from '../harness.js';

describe('GET /api/v1/reports/improvement', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ now: () => TO + DAY });
    seedWorld(harness.store);
  });
  after(() => harness.close());

  it('answers the report of a period from the store, RFC 3339 or epoch ms', async () => {
    const response = await harness.app.inject({ method: 'GET', url: `/api/v1/reports/improvement?from=2030-01-07T00:00:00Z&to=${TO}&weeks=2` });
    assert.equal(response.statusCode, 200, response.body);
    const report = ImprovementReportSchema.parse(response.json());
    assert.equal(report.fromMs, FROM);
    assert.deepEqual(report.summary.current, { alerts: 8, incidents: 4, neverActedOn: 2, pages: 5, nightPages: 3, mttaMeanMs: 600_000, mttrMeanMs: 3_600_000 });
    assert.deepEqual(report.neverActedOn.alerts, [{ source: 'grafana', name: 'DiskFull', service: 'db', count: 2 }]);
    assert.deepEqual(report.recurring.problems.map((p) => [p.id, p.incidents, p.totalIncidents]), [['prb_disk', 1, 2]]);
    assert.deepEqual(report.recurring.clusters.map((c) => c.incidentIds), [['I4', 'I1']]);
    assert.deepEqual(report.oncall.map((p) => [p.userId, p.pages, p.nightPages, p.weekendPages]), [
      ['ana', 4, 2, 2],
      ['bo', 1, 1, 0],
    ]);
    assert.equal(report.responseTrends.weeks.length, 2);
  });

  it('defaults to the last 7 days before now', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/v1/reports/improvement' });
    assert.equal(response.statusCode, 200);
    const report = ImprovementReportSchema.parse(response.json());
    assert.deepEqual([report.fromMs, report.toMs], [TO + DAY - 7 * DAY, TO + DAY]);
    assert.equal(report.responseTrends.weeks.length, 8);
  });

  it('refuses a bad, backwards or too long period with 400 naming it', async () => {
    const bad = await harness.app.inject({ method: 'GET', url: '/api/v1/reports/improvement?from=yesterday' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /from.*"yesterday"/);
    const backwards = await harness.app.inject({ method: 'GET', url: `/api/v1/reports/improvement?from=${TO}&to=${FROM}` });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.json<{ message: string }>().message, /querystring\.from \(2030-01-14T00:00:00\.000Z\) must be before querystring\.to/);
    const long = await harness.app.inject({ method: 'GET', url: `/api/v1/reports/improvement.md?from=2020-01-01T00:00:00Z&to=${TO}` });
    assert.equal(long.statusCode, 400);
    assert.match(long.json<{ message: string }>().message, /longer than 366 days/);
    const weeks = await harness.app.inject({ method: 'GET', url: '/api/v1/reports/improvement?weeks=0' });
    assert.equal(weeks.statusCode, 400);
  });

  it('renders the same report as Markdown', async () => {
    const response = await harness.app.inject({ method: 'GET', url: `/api/v1/reports/improvement.md?from=${FROM}&to=${TO}&weeks=2` });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/markdown/);
    assert.ok(response.body.startsWith('# Improvement report: 2030-01-07 to 2030-01-14\n'), response.body.slice(0, 100));
    assert.ok(response.body.includes('| Ana | Europe/Berlin | 4 | 2 | 2 | 1 |'));
  });

  it('is described in the OpenAPI document under the reports tag', async () => {
    const spec = (await harness.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get?: { tags?: string[] } }> }>();
    for (const path of ['/api/v1/reports/improvement', '/api/v1/reports/improvement.md', '/api/v1/reports', '/api/v1/reports/{id}']) {
      assert.deepEqual(spec.paths[path]?.get?.tags, ['reports'], path);
    }
  });
});
