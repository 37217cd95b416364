import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifySchemaValidationError } from 'fastify';
import { validationMessage } from '../../src/server/validation-message.js';

const issue = (instancePath: string, message: string, keyword = 'invalid_type', params: Record<string, unknown> = {}) =>
  ({ keyword, instancePath, schemaPath: '#', message, params }) as FastifySchemaValidationError;

describe('validationMessage()', () => {
  it('names the field path with array indexes and drops zod\'s prefix', () => {
    assert.equal(
      validationMessage([issue('/alerts/0/startsAt', 'Invalid input: expected string, received number')], 'body'),
      'body.alerts[0].startsAt: expected string, received number',
    );
  });

  it('says "is required" for a missing field', () => {
    assert.equal(validationMessage([issue('/key', 'Invalid input: expected string, received undefined')], 'querystring'), 'querystring.key: is required');
  });

  it('reports the branch of a union the input was meant for', () => {
    const union = issue('', 'Invalid input', 'invalid_union', {
      errors: [
        [{ code: 'invalid_type', path: ['name'], message: 'Invalid input: expected string, received undefined' }],
        [{ code: 'invalid_type', path: [], message: 'Invalid input: expected array, received object' }],
      ],
    });
    assert.equal(validationMessage([union], 'body'), 'body.name: is required');
  });

  it('caps the list of problems', () => {
    const issues = Array.from({ length: 8 }, (_, i) => issue(`/f${i}`, 'Too big'));
    const message = validationMessage(issues, 'body');
    assert.match(message, /body\.f4: Too big; and 3 more$/);
  });
});
