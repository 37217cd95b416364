import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../../../src/core/records.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';
import { chooseIncident } from '../../../src/engage/correlate/choose-incident.js';

const graph = new ServiceGraph([
  { caller: 'frontend', callee: 'checkout' },
  { caller: 'checkout', callee: 'payment' },
  { caller: 'search', callee: 'index' },
]);
const options = { windowMs: 120_000, maxDistance: 2 };
const alert = (service: string | undefined, startsMs: number): Alert => ({
  id: 'a',
  fingerprint: 'f',
  source: 'detector',
  name: 'latency up',
  ...(service ? { service } : {}),
  status: 'firing',
  severity: 'warning',
  summary: '',
  labels: {},
  startsMs,
  lastSeenMs: startsMs,
  count: 1,
});

describe('chooseIncident', () => {
  const open = [{ id: 'inc1', services: ['payment'], lastActivityMs: 100_000, firingAlerts: 1 }];

  it('joins a connected service while the incident fires, and says why', () => {
    const decision = chooseIncident(alert('frontend', 110_000), open, graph, options);
    assert.equal(decision.incidentId, 'inc1');
    assert.match(decision.reason, /frontend is 2 hops from payment/);
  });

  it('opens a new incident for an unconnected service', () => {
    const decision = chooseIncident(alert('search', 110_000), open, graph, options);
    assert.equal(decision.incidentId, undefined);
    assert.match(decision.reason, /^opened/);
  });

  it('does not join a quiet incident after the window', () => {
    const quiet = [{ ...open[0]!, firingAlerts: 0 }];
    assert.equal(chooseIncident(alert('checkout', 100_000 + 119_000), quiet, graph, options).incidentId, 'inc1');
    assert.equal(chooseIncident(alert('checkout', 100_000 + 121_000), quiet, graph, options).incidentId, undefined);
  });

  it('prefers the topologically closest incident', () => {
    const two = [...open, { id: 'inc2', services: ['checkout'], lastActivityMs: 90_000, firingAlerts: 1 }];
    assert.equal(chooseIncident(alert('checkout', 110_000), two, graph, options).incidentId, 'inc2');
  });
});
