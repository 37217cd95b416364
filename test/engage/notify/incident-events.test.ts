import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident } from '../../../src/core/records.js';
import { incidentEvent, snapshotOf } from '../../../src/engage/notify/incident-events.js';

const base: Incident = { id: 'inc_1', title: 't', status: 'triggered', severity: 'warning', services: [], startedMs: 0, updatedMs: 0, alertIds: ['a'], causes: [] };

describe('incidentEvent()', () => {
  it('names what moved since the snapshot, one event at a time, status first', () => {
    const seen = snapshotOf(base);
    assert.equal(incidentEvent(undefined, base), 'opened');
    assert.equal(incidentEvent(undefined, { ...base, status: 'resolved' }), undefined, 'never seen open: nothing to say');
    assert.equal(incidentEvent(seen, base), undefined, 'an RCA update is not news');
    assert.equal(incidentEvent(seen, { ...base, alertIds: ['a', 'b'] }), 'updated');
    assert.equal(incidentEvent(seen, { ...base, severity: 'critical', alertIds: ['a', 'b'] }), 'severity_changed');
    assert.equal(incidentEvent(seen, { ...base, status: 'acknowledged', severity: 'critical' }), 'acknowledged');
    assert.equal(incidentEvent({ ...seen, status: 'resolved' }, base), 'opened', 'firing again after resolution');
    assert.equal(incidentEvent({ ...seen, status: 'resolved' }, { ...base, status: 'resolved', alertIds: ['a', 'b'] }), undefined);
  });
});
