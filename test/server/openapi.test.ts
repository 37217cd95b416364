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
  ['post', '/api/v1/incidents/{id}/merge'],
  ['post', '/api/v1/incidents/{id}/split'],
  ['post', '/api/v1/rca'],
  ['get', '/api/v1/alerts'],
  ['get', '/api/v1/services'],
  ['get', '/api/v1/service-graph'],
  ['get', '/api/v1/services/{service}'],
  ['get', '/api/v1/series'],
  ['get', '/api/v1/series/list'],
  ['get', '/api/v1/series/forecast'],
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
