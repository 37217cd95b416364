import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/cli/load-config.js';
import { OpsError } from '../../src/core/errors.js';

describe('loadConfig()', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'opsloop-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  const configError = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof OpsError);
      assert.equal(error.code, 'OPS_ERR_CONFIG');
      return error.message;
    }
    assert.fail('expected a configuration error');
  };

  it('returns the schema defaults with nothing set', () => {
    const config = loadConfig({ cwd: join(dir, 'empty-nowhere'), env: {} });
    assert.equal(config.api.port, 7070);
    assert.equal(config.otlp.port, 4318);
    assert.equal(config.dataDir, './data');
  });

  it('merges defaults ← file ← environment ← flags, later wins', () => {
    const file = write('layers.json', { dataDir: '/from-file', api: { port: 1111, host: '0.0.0.0' }, otlp: { port: 2222 }, logLevel: 'warn' });
    const config = loadConfig({
      configFile: file,
      env: { OPSLOOP_API_PORT: '3333', OPSLOOP_OTLP_PORT: '4444', OPSLOOP_RETENTION_HOURS: '12.5' },
      flags: { port: '5555' },
    });
    assert.equal(config.dataDir, '/from-file');
    assert.equal(config.api.host, '0.0.0.0');
    assert.equal(config.api.port, 5555);
    assert.equal(config.otlp.port, 4444);
    assert.equal(config.retention.telemetryHours, 12.5);
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.api.bodyLimitBytes, 1_048_576, 'defaults fill keys the file leaves out');
  });

  it('reads opsloop.config.json from the working directory when no file is named', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, 'opsloop.config.json'), JSON.stringify({ api: { port: 9000 } }));
    assert.equal(loadConfig({ cwd, env: {} }).api.port, 9000);
  });

  it('ignores empty environment variables', () => {
    assert.equal(loadConfig({ cwd: dir, env: { OPSLOOP_API_PORT: '' } }).api.port, 7070);
  });

  it('deep-freezes the result', () => {
    const config = loadConfig({ cwd: dir, env: {} });
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.api));
    assert.throws(() => {
      (config.api as { port: number }).port = 1;
    }, TypeError);
  });

  it('names the variable, its value and the key for a bad environment value', () => {
    assert.equal(
      configError(() => loadConfig({ cwd: dir, env: { OPSLOOP_API_PORT: 'abc' } })),
      'Invalid configuration: OPSLOOP_API_PORT="abc": api.port must be a number',
    );
  });

  it('names the flag for a bad flag value', () => {
    const message = configError(() => loadConfig({ cwd: dir, env: {}, flags: { port: '70000', logLevel: 'loud' } }));
    assert.match(message, /--port "70000": api\.port must be <= 65535/);
    assert.match(message, /--log-level "loud": logLevel must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('names the file for a bad file value and for unknown keys', () => {
    const file = write('bad.json', { api: { port: 1.5, hots: 'x' } });
    const message = configError(() => loadConfig({ configFile: file, env: {} }));
    assert.match(message, new RegExp(`config file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(1\\.5\\): api\\.port must be an integer`));
    assert.match(message, /unknown key api\.hots/);
  });

  it('reports a missing --config file and invalid JSON', () => {
    assert.match(configError(() => loadConfig({ configFile: join(dir, 'nope.json'), env: {} })), /--config ".*nope\.json": file not found/);
    const broken = write('broken.json', '{"api": ');
    assert.match(configError(() => loadConfig({ configFile: broken, env: {} })), /broken\.json is not valid JSON/);
    const array = write('array.json', []);
    assert.match(configError(() => loadConfig({ configFile: array, env: {} })), /must hold a JSON object/);
  });
});
