import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './harness.js';

interface Operation {
  summary?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const EXPECTED: Array<[method: string, path: string]> = [
  ['get', '/healthz'],
  ['get', '/readyz'],
  ['get', '/metrics'],
  ['get', '/api/v1/incidents'],
  ['get', '/api/v1/incidents/{id}'],
  ['post', '/api/v1/incidents/{id}/acknowledge'],
  ['post', '/api/v1/incidents/{id}/resolve'],
  ['post', '/api/v1/incidents/{id}/close'],
  ['patch', '/api/v1/incidents/{id}'],
  ['post', '/api/v1/incidents/{id}/notes'],
  ['post', '/api/v1/incidents/{id}/status-updates'],
  ['get', '/api/v1/incidents/{id}/alerts'],
  ['get', '/api/v1/incidents/stats'],
  ['get', '/api/v1/incidents/{id}/similar'],
  ['post', '/api/v1/incidents/{id}/postmortem'],
  ['get', '/api/v1/incidents/{id}/postmortem'],
  ['put', '/api/v1/incidents/{id}/postmortem'],
  ['post', '/api/v1/problems'],
  ['get', '/api/v1/problems'],
  ['get', '/api/v1/problems/{id}'],
  ['patch', '/api/v1/problems/{id}'],
  ['post', '/api/v1/problems/{id}/incidents'],
  ['delete', '/api/v1/problems/{id}/incidents/{incidentId}'],
  ['get', '/api/v1/catalog'],
  ['get', '/api/v1/catalog/{service}'],
  ['put', '/api/v1/catalog/{service}'],
  ['post', '/api/v1/incidents/{id}/merge'],
  ['post', '/api/v1/incidents/{id}/split'],
  ['post', '/api/v1/rca'],
  ['get', '/api/v1/alerts'],
  ['get', '/api/v1/silences'],
  ['post', '/api/v1/silences'],
  ['post', '/api/v1/silences/preview'],
  ['get', '/api/v1/silences/{id}'],
  ['delete', '/api/v1/silences/{id}'],
  ['get', '/api/v1/audit'],
  ['get', '/api/v1/services'],
  ['get', '/api/v1/service-graph'],
  ['get', '/api/v1/services/{service}'],
  ['get', '/api/v1/series'],
  ['get', '/api/v1/series/list'],
  ['get', '/api/v1/series/forecast'],
  ['get', '/api/v1/capacity/forecasts'],
  ['get', '/api/v1/capacity/rightsizing'],
  ['post', '/api/v1/findings/import'],
  ['get', '/api/v1/findings'],
  ['get', '/api/v1/findings/{id}'],
  ['patch', '/api/v1/findings/{id}'],
  ['post', '/api/v1/findings/{id}/feedback'],
  ['get', '/api/v1/findings/tasks'],
  ['post', '/api/v1/findings/tasks/{id}/remediate'],
  ['get', '/api/v1/findings/overview'],
  ['get', '/api/v1/findings/intel'],
  ['put', '/api/v1/findings/intel/kev'],
  ['put', '/api/v1/findings/intel/epss'],
  ['get', '/api/v1/series/scores'],
  ['get', '/api/v1/logs'],
  ['get', '/api/v1/log-patterns'],
  ['get', '/api/v1/log-patterns/{templateId}'],
  ['get', '/api/v1/traces'],
  ['get', '/api/v1/traces/{traceId}'],
  ['get', '/api/v1/changes'],
  ['post', '/api/v1/changes'],
  ['post', '/api/v1/integrations/pagerduty/v2/enqueue'],
  ['post', '/v2/enqueue'],
  ['post', '/api/v1/events'],
  ['post', '/api/v1/integrations/alertmanager'],
  ['post', '/api/v1/integrations/grafana'],
  ['get', '/api/v1/demo/faults'],
  ['post', '/api/v1/demo/services/{service}/{action}'],
  ['get', '/api/v1/incidents/{id}/runbook-recommendations'],
  ['get', '/api/v1/notifications/channels'],
  ['post', '/api/v1/notifications/channels'],
  ['get', '/api/v1/notifications/channels/{id}'],
  ['put', '/api/v1/notifications/channels/{id}'],
  ['delete', '/api/v1/notifications/channels/{id}'],
  ['get', '/api/v1/notifications/rules'],
  ['post', '/api/v1/notifications/rules'],
  ['get', '/api/v1/notifications/rules/{id}'],
  ['put', '/api/v1/notifications/rules/{id}'],
  ['delete', '/api/v1/notifications/rules/{id}'],
  ['get', '/api/v1/escalation-policies'],
  ['post', '/api/v1/escalation-policies'],
  ['get', '/api/v1/escalation-policies/{id}'],
  ['put', '/api/v1/escalation-policies/{id}'],
  ['delete', '/api/v1/escalation-policies/{id}'],
  ['get', '/api/v1/users'],
  ['post', '/api/v1/users'],
  ['get', '/api/v1/users/{id}'],
  ['put', '/api/v1/users/{id}'],
  ['delete', '/api/v1/users/{id}'],
  ['put', '/api/v1/users/{id}/password'],
  ['get', '/api/v1/teams'],
  ['post', '/api/v1/teams'],
  ['get', '/api/v1/teams/{id}'],
  ['put', '/api/v1/teams/{id}'],
  ['delete', '/api/v1/teams/{id}'],
  ['get', '/api/v1/auth/status'],
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/setup'],
  ['get', '/api/v1/auth/session'],
  ['post', '/api/v1/auth/logout'],
  ['get', '/api/v1/tokens'],
  ['post', '/api/v1/tokens'],
  ['delete', '/api/v1/tokens/{id}'],
  ['get', '/api/v1/schedules'],
  ['post', '/api/v1/schedules'],
  ['get', '/api/v1/schedules/{id}'],
  ['put', '/api/v1/schedules/{id}'],
  ['delete', '/api/v1/schedules/{id}'],
  ['post', '/api/v1/notifications/channels/{id}/test'],
  ['post', '/api/v1/notifications/preview'],
  ['get', '/api/v1/notifications/deliveries'],
  ['get', '/api/v1/escalations'],
  ['get', '/api/v1/oncall/now'],
  ['get', '/api/v1/reports/improvement'],
  ['get', '/api/v1/reports/improvement.md'],
  ['get', '/api/v1/reports'],
  ['get', '/api/v1/runbooks'],
  ['post', '/api/v1/runbooks'],
  ['post', '/api/v1/runbooks/validate'],
  ['get', '/api/v1/runbooks/{id}'],
  ['put', '/api/v1/runbooks/{id}'],
  ['delete', '/api/v1/runbooks/{id}'],
  ['put', '/api/v1/runbooks/{id}/enabled'],
  ['get', '/api/v1/runbooks/{id}/versions/{version}'],
  ['post', '/api/v1/runbooks/{id}/executions'],
  ['get', '/api/v1/runbook-executions'],
  ['get', '/api/v1/runbook-executions/{id}'],
  ['post', '/api/v1/runbook-executions/{id}/cancel'],
  ['post', '/api/v1/runbook-executions/{id}/approve'],
  ['post', '/api/v1/runbook-executions/{id}/reject'],
  ['get', '/api/v1/runbook-approvals/{token}'],
  ['post', '/api/v1/runbook-approvals/{token}'],
  ['get', '/api/v1/incidents/{id}/runbook-offers'],
  ['get', '/api/v1/runbook-kill-switch'],
  ['put', '/api/v1/runbook-kill-switch'],
  ['get', '/api/v1/reports/{id}'],
  ['get', '/api/v1/schedules/{id}/shifts'],
];

describe('GET /api/v1/openapi.json', () => {
  let h: Harness;
  let doc: OpenApiDocument;
  before(async () => {
    h = await startHarness();
    const response = await h.app.inject({ url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    doc = response.json<OpenApiDocument>();
  });
  after(() => h.close());

  it('is an OpenAPI 3.1.0 document', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'opsloop API');
  });

  it('lists every route with a summary, a tag and a described success response', () => {
    for (const [method, path] of EXPECTED) {
      const operation = doc.paths[path]?.[method];
      assert.ok(operation, `${method.toUpperCase()} ${path} missing`);
      assert.ok(operation.summary, `${path} has no summary`);
      assert.ok(operation.tags?.length, `${path} has no tag`);
      const success = Object.keys(operation.responses ?? {}).filter((status) => status.startsWith('2'));
      assert.ok(success.length > 0, `${path} has no 2xx response`);
      for (const status of success) {
        assert.ok(operation.responses?.[status]?.content, `${method} ${path} ${status} has no content schema`);
      }
    }
  });

  it('documents the error shape on routes that validate input', () => {
    const events = doc.paths['/api/v1/events']?.['post'];
    assert.ok(events?.responses?.['400']);
    assert.ok(events?.responses?.['415']);
  });

  it('leaves out the document itself and static files', () => {
    assert.equal(doc.paths['/api/v1/openapi.json'], undefined);
    assert.equal(Object.keys(doc.paths).length, new Set(EXPECTED.map(([, path]) => path)).size);
  });
});
