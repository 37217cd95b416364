import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorResponseSchema } from '../../src/core/api.js';
import { startHarness, type Harness } from './harness.js';

describe('buildApiServer()', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ config: { api: { bodyLimitBytes: 4096 } } });
  });
  after(() => h.close());

  it('answers /healthz and /readyz', async () => {
    const health = await h.app.inject({ url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await h.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok' });
  });

  it('answers an unknown route with a 404 JSON error', async () => {
    const response = await h.app.inject({ url: '/api/v1/nothing?x=1' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body = ErrorResponseSchema.parse(response.json());
    assert.equal(body.code, 'OPS_ERR_NOT_FOUND');
    assert.equal(body.message, 'Route GET /api/v1/nothing not found');
  });

  it('rejects a body of the wrong shape with 400 naming the field', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'x', labels: { team: 7 } } });
    assert.equal(response.statusCode, 400);
    const body = ErrorResponseSchema.parse(response.json());
    assert.equal(body.code, 'OPS_ERR_VALIDATION');
    assert.equal(body.error, 'Bad Request');
    assert.match(body.message, /body\.labels\.team: expected string, received number/);
  });

  it('names a missing field as required', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/changes', payload: { kind: 'deploy' } });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.service: is required/);
  });

  it('rejects a bad query parameter with 400 naming it', async () => {
    const response = await h.app.inject({ url: '/api/v1/alerts?limit=0' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /querystring\.limit/);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code: string }>().code, 'OPS_ERR_BAD_PAYLOAD');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'x', summary: 'y'.repeat(5000) } });
    assert.equal(response.statusCode, 413);
    const body = ErrorResponseSchema.parse(response.json());
    assert.equal(body.code, 'OPS_ERR_BODY_TOO_LARGE');
    assert.match(body.message, /4096 bytes/);
  });

  it('answers a wrong content type with 415', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    assert.equal(response.statusCode, 415);
    const body = ErrorResponseSchema.parse(response.json());
    assert.equal(body.code, 'OPS_ERR_UNSUPPORTED_MEDIA_TYPE');
    assert.match(body.message, /text\/plain.*application\/json/);
  });

  it('answers an unexpected failure with 500 without internals', async () => {
    const original = h.engine.store.alerts.list;
    h.engine.store.alerts.list = () => {
      throw new Error('SQLITE_CORRUPT: secret path /var/db');
    };
    try {
      const response = await h.app.inject({ url: '/api/v1/alerts' });
      assert.equal(response.statusCode, 500);
      const body = ErrorResponseSchema.parse(response.json());
      assert.equal(body.code, 'OPS_ERR_INTERNAL');
      assert.doesNotMatch(body.message, /SQLITE|secret/);
    } finally {
      h.engine.store.alerts.list = original;
    }
  });

  it('answers /readyz with 503 when the store is not ready', async () => {
    const original = h.engine.store.ready;
    h.engine.store.ready = () => false;
    try {
      const response = await h.app.inject({ url: '/readyz' });
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'unavailable' });
    } finally {
      h.engine.store.ready = original;
    }
  });
});

describe('buildApiServer() with a web root', () => {
  let h: Harness;
  let webRoot: string;
  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'opsloop-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>opsloop</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    h = await startHarness({ webRoot });
  });
  after(async () => {
    await h.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the UI at / and its assets', async () => {
    const index = await h.app.inject({ url: '/' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<title>opsloop<\/title>/);
    const asset = await h.app.inject({ url: '/app.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['content-type']), /javascript/);
  });

  it('falls back to index.html for other GETs outside /api', async () => {
    const response = await h.app.inject({ url: '/incidents/inc_1' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
  });

  it('still answers unknown API routes with 404 JSON', async () => {
    const response = await h.app.inject({ url: '/api/v1/nothing' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ code: string }>().code, 'OPS_ERR_NOT_FOUND');
  });

  it('keeps the API routes', async () => {
    assert.equal((await h.app.inject({ url: '/api/v1/incidents' })).statusCode, 200);
  });
});
