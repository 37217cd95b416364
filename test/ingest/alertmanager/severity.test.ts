import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { severityFromLabel } from '../../../src/ingest/alertmanager/index.js';

describe('severityFromLabel()', () => {
  it('maps our own names and common synonyms, ignoring case and spaces', () => {
    const cases: Array<[string, string]> = [
      ['critical', 'critical'],
      ['page', 'critical'],
      ['P1', 'critical'],
      ['error', 'error'],
      ['high', 'error'],
      ['warning', 'warning'],
      [' Warn ', 'warning'],
      ['medium', 'warning'],
      ['info', 'info'],
      ['low', 'info'],
      ['none', 'info'],
    ];
    for (const [label, expected] of cases) assert.equal(severityFromLabel(label), expected, label);
  });

  it('treats a missing or unknown severity as a warning', () => {
    assert.equal(severityFromLabel(undefined), 'warning');
    assert.equal(severityFromLabel('spicy'), 'warning');
  });
});
