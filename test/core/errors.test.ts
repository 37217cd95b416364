import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_DEFINITIONS, OpsError } from '../../src/core/errors.js';

describe('error codes', () => {
  it('documents every code in docs/errors.md with its status', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const [code, { status }] of Object.entries(ERROR_DEFINITIONS)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\``));
      assert.ok(row, `${code} is missing from docs/errors.md`);
      if (code !== 'OPS_ERR_CONFIG') assert.match(row, new RegExp(`\\| ${status} \\|`), `${code} documents status ${status}`);
    }
  });

  it('fills the message template with the arguments', () => {
    const error = new OpsError('OPS_ERR_NOT_FOUND', ['Incident inc_1']);
    assert.equal(error.message, 'Incident inc_1 not found');
    assert.equal(error.status, 404);
    assert.equal(error.code, 'OPS_ERR_NOT_FOUND');
  });
});
