import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Incident } from '../../../src/core/records.js';
import { editIncident, reopensOnAlert, transition } from '../../../src/engage/incidents/lifecycle.js';

const WINDOW_MS = 120_000;

const T0 = 1_700_000_000_000;

function incident(overrides: Partial<Incident> = {}): Incident {
  return { id: 'inc_1', title: 'cart: errors', status: 'triggered', severity: 'error', services: ['cart'], startedMs: T0, updatedMs: T0, alertIds: [], causes: [], ...overrides };
}

describe('transition()', () => {
  it('walks triggered → acknowledged → resolved → closed, stamping each time', () => {
    const acked = transition(incident(), 'acknowledge', { atMs: T0 + 60_000 });
    assert.equal(acked.kind, 'changed');
    if (acked.kind !== 'changed') return;
    assert.equal(acked.incident.status, 'acknowledged');
    assert.equal(acked.incident.acknowledgedMs, T0 + 60_000);
    const resolved = transition(acked.incident, 'resolve', { atMs: T0 + 600_000, resolution: 'rolled back' });
    assert.ok(resolved.kind === 'changed');
    assert.equal(resolved.incident.resolvedMs, T0 + 600_000);
    assert.equal(resolved.incident.resolution, 'rolled back');
    const closed = transition(resolved.incident, 'close', { atMs: T0 + 900_000 });
    assert.ok(closed.kind === 'changed');
    assert.equal(closed.incident.status, 'closed');
    assert.equal(closed.incident.closedMs, T0 + 900_000);
    assert.equal(closed.incident.updatedMs, T0 + 900_000);
  });

  it('resolves straight from triggered', () => {
    const resolved = transition(incident(), 'resolve', { atMs: T0 + 5 });
    assert.ok(resolved.kind === 'changed');
    assert.equal(resolved.incident.acknowledgedMs, undefined);
  });

  it('repeating the current status changes nothing', () => {
    assert.deepEqual(transition(incident({ status: 'acknowledged' }), 'acknowledge', { atMs: T0 }), { kind: 'unchanged' });
    assert.deepEqual(transition(incident({ status: 'closed' }), 'close', { atMs: T0 }), { kind: 'unchanged' });
  });

  it('refuses illegal steps with the reason', () => {
    const cases: Array<[Incident['status'], 'acknowledge' | 'resolve' | 'close' | 'reopen', RegExp]> = [
      ['resolved', 'acknowledge', /is resolved; only a triggered incident can be acknowledged/],
      ['closed', 'resolve', /is closed; a closed incident cannot be resolved again/],
      ['triggered', 'close', /resolve it before closing it/],
      ['acknowledged', 'close', /resolve it before closing it/],
      ['closed', 'reopen', /a closed one never does/],
    ];
    for (const [status, action, reason] of cases) {
      const result = transition(incident({ status }), action, { atMs: T0 });
      assert.equal(result.kind, 'illegal', `${status} → ${action}`);
      if (result.kind === 'illegal') assert.match(result.reason, reason);
    }
  });

  it('reopening drops the resolution but keeps the first acknowledgement (what MTTA measures)', () => {
    const resolved = incident({ status: 'resolved', acknowledgedMs: T0 + 10, resolvedMs: T0 + 20, resolution: 'restarted' });
    const reopened = transition(resolved, 'reopen', { atMs: T0 + 30 });
    assert.ok(reopened.kind === 'changed');
    assert.equal(reopened.incident.status, 'triggered');
    assert.equal(reopened.incident.resolvedMs, undefined);
    assert.equal(reopened.incident.resolution, undefined);
    const acked = transition(reopened.incident, 'acknowledge', { atMs: T0 + 40 });
    assert.ok(acked.kind === 'changed');
    assert.equal(acked.incident.acknowledgedMs, T0 + 10);
  });
});

describe('reopensOnAlert()', () => {
  it('reopens a resolved incident within the window, never a closed or open one', () => {
    const resolved = incident({ status: 'resolved', resolvedMs: T0 });
    assert.equal(reopensOnAlert(resolved, T0 + WINDOW_MS, WINDOW_MS), true);
    assert.equal(reopensOnAlert(resolved, T0 + WINDOW_MS + 1, WINDOW_MS), false);
    assert.equal(reopensOnAlert(incident({ status: 'closed', resolvedMs: T0, closedMs: T0 }), T0 + 1, WINDOW_MS), false);
    assert.equal(reopensOnAlert(incident({ status: 'acknowledged' }), T0 + 1, WINDOW_MS), false);
  });
});

describe('editIncident()', () => {
  it('applies changed fields and describes each change', () => {
    const result = editIncident(incident({ assignee: 'bob' }), { priority: 'P1', severity: 'error', assignee: null, team: 'payments' }, T0 + 9);
    assert.ok(!('illegal' in result));
    assert.equal(result.incident.priority, 'P1');
    assert.equal(result.incident.assignee, undefined);
    assert.equal(result.incident.team, 'payments');
    assert.equal(result.incident.updatedMs, T0 + 9);
    assert.deepEqual(result.changes, ['priority none → P1', 'assignee bob → none', 'team none → payments']);
  });

  it('leaves an incident as is when nothing changes, and refuses to edit a closed one', () => {
    const same = editIncident(incident(), { severity: 'error' }, T0 + 9);
    assert.ok(!('illegal' in same));
    assert.deepEqual(same.changes, []);
    assert.equal(same.incident.updatedMs, T0);
    assert.deepEqual(editIncident(incident({ status: 'closed' }), { title: 'x' }, T0), { illegal: "Incident inc_1 is closed; a closed incident's fields are final" });
  });
});
