import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident } from '../../../src/core/records.js';
import { renderPostmortem } from '../../../src/engage/incidents/postmortem-template.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const incident: Incident = {
  id: 'inc_1',
  title: 'payment: error ratio up',
  status: 'resolved',
  severity: 'critical',
  priority: 'P1',
  team: 'payments',
  services: ['checkout', 'payment'],
  startedMs: T0,
  updatedMs: T0 + 3_900_000,
  resolvedMs: T0 + 3_900_000,
  alertIds: [],
  causes: [{ service: 'payment', score: 0.91, indicator: 'error ratio up', evidence: 'errors start in payment itself' }],
};

describe('renderPostmortem()', () => {
  it('fills the template from the incident, its timeline in order, status updates and causes', () => {
    const markdown = renderPostmortem({
      incident,
      timeline: [
        { incidentId: 'inc_1', timeMs: T0 + 60_000, kind: 'status_update', message: 'Payments failing for some users', by: 'alice' },
        { incidentId: 'inc_1', timeMs: T0, kind: 'alert', message: 'errors up on payment' },
        { incidentId: 'inc_1', timeMs: T0 + 120_000, kind: 'change', message: 'deploy v42 of payment' },
      ],
      changes: [{ id: 'chg_1', service: 'payment', kind: 'deploy', timeMs: T0 - 300_000, description: 'new card client', version: 'v41', source: 'ci' }],
    });
    assert.match(markdown, /- 2026-03-02T09:55:00Z · deploy of payment v41: new card client/);
    assert.match(markdown, /^# Postmortem: payment: error ratio up/);
    assert.match(markdown, /\| Severity \| critical · P1 \|/);
    assert.match(markdown, /\| Duration \| 1 h 5 min \|/);
    assert.match(markdown, /- 2026-03-02T10:01:00Z: Payments failing for some users/);
    const timeline = markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Root cause'));
    assert.ok(timeline.indexOf('errors up on payment') < timeline.indexOf('Payments failing') && timeline.indexOf('Payments failing') < timeline.indexOf('deploy v42'));
    assert.match(markdown, /1\. \*\*payment\*\* — error ratio up, score 0\.91: errors start in payment itself/);
  });

  it('says when nothing was ranked and when the incident is ongoing', () => {
    const open: Incident = { ...incident, status: 'triggered', causes: [] };
    delete open.resolvedMs;
    const markdown = renderPostmortem({ incident: open, timeline: [] });
    assert.match(markdown, /\| Resolved \| not yet \|/);
    assert.match(markdown, /_No cause was ranked; describe the root cause here._/);
  });

  it('is sandboxed: no file includes, no unknown filters, bounded parse size', () => {
    assert.throws(() => renderPostmortem({ incident, timeline: [] }, "{% include '/etc/passwd' %}"));
    assert.throws(() => renderPostmortem({ incident, timeline: [] }, '{{ incident.id | shell }}'), /undefined filter/);
    assert.throws(() => renderPostmortem({ incident, timeline: [] }, 'x'.repeat(100_001)), /parse length limit exceeded/);
    // Own properties only: nothing reaches the prototype chain.
    assert.equal(renderPostmortem({ incident, timeline: [] }, '{{ incident.constructor }}|{{ incident.hasOwnProperty }}'), '|');
  });
});
