import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automationFigures } from '../../../src/act/reports/automation.js';

describe('automationFigures()', () => {
  it('measures coverage, success and toil avoided from executions', () => {
    const figures = automationFigures(
      [
        { incidentId: 'i1', status: 'succeeded', manualMinutes: 30 },
        { incidentId: 'i1', status: 'succeeded', manualMinutes: 60 },
        { incidentId: 'i2', status: 'failed', manualMinutes: 45 },
      ],
      4,
    );
    assert.deepEqual(figures, {
      runbookExecutions: 3,
      incidentsAutomated: 2,
      coverage: 0.5,
      succeeded: 2,
      failed: 1,
      successRate: 2 / 3,
      toilAvoidedHours: 1.5,
      note: '3 runbook executions recorded',
    });
  });
});
