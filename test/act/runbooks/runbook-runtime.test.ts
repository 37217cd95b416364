import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadRunbook } from '../../../src/act/runbooks/load-runbook.js';
import { InputsError, resolveInputs } from '../../../src/act/runbooks/runbook-inputs.js';
import { compileRunbook, matchingRunbooks } from '../../../src/act/runbooks/runbook-triggers.js';
import { renderTemplate, TemplateError } from '../../../src/act/runbooks/render-template.js';
import type { Alert, Incident } from '../../../src/core/records.js';
import type { Runbook } from '../../../src/core/runbook.js';

const TEXT = readFileSync(new URL('../../fixtures/runbooks/restart-service.yaml', import.meta.url), 'utf8');

function load(text: string): Runbook {
  const loaded = loadRunbook(text, 'test.yaml');
  assert.ok(loaded.ok);
  return loaded.runbook;
}

const incident: Incident = {
  id: 'inc-1',
  title: 'checkout errors',
  status: 'triggered',
  severity: 'critical',
  services: ['frontend', 'checkout'],
  startedMs: 0,
  updatedMs: 0,
  alertIds: ['a1'],
  causes: [{ service: 'checkout', score: 0.9, indicator: 'error ratio', evidence: [] }] as unknown as Incident['causes'],
};
const alert = { id: 'a1', name: 'HighErrorRate', labels: { team: 'payments' }, service: 'checkout' } as unknown as Alert;

describe('runbook triggers', () => {
  it('matches by incident CEL, by alert CEL, and not otherwise', () => {
    const byIncident = load(TEXT);
    const byAlert = load(TEXT.replace(`incident: 'incident.severity == "critical"'`, `alert: 'alert.labels.team == "payments"'`).replace('id: restart-service', 'id: by-alert'));
    const never = load(TEXT.replace(`"critical"`, `"info"`).replace('id: restart-service', 'id: never'));
    const matches = matchingRunbooks([byIncident, byAlert, never].map(compileRunbook), { incident, alerts: [alert], changes: [] });
    assert.deepEqual(
      matches.map((m) => [m.runbook.id, m.by, m.alertId]),
      [
        ['restart-service', 'incident', undefined],
        ['by-alert', 'alert', 'a1'],
      ],
    );
  });

  it('treats an expression that fails on the input as no match and says so', () => {
    const missing = load(TEXT.replace(`incident: 'incident.severity == "critical"'`, `alert: 'alert.labels.region == "eu"'`));
    const errors: string[] = [];
    assert.deepEqual(matchingRunbooks([compileRunbook(missing)], { incident, alerts: [alert], changes: [] }, (id) => errors.push(id)), []);
    assert.deepEqual(errors, ['restart-service']);
  });

  it('sees the changes recorded before the incident', () => {
    const byDeploy = load(TEXT.replace(`incident: 'incident.severity == "critical"'`, `incident: 'changes.exists(c, c.kind == "deploy" && c.service == incident.causes[0].service)'`));
    const deploy = { id: 'c1', service: 'checkout', kind: 'deploy' as const, timeMs: 0, description: 'Deploy checkout 1.2.0', source: 'ci' };
    assert.equal(matchingRunbooks([compileRunbook(byDeploy)], { incident, alerts: [alert], changes: [deploy] }).length, 1);
    assert.equal(matchingRunbooks([compileRunbook(byDeploy)], { incident, alerts: [alert], changes: [{ ...deploy, service: 'cart' }] }).length, 0);
  });
});

describe('runbook inputs and templates', () => {
  it('renders defaults from the incident and checks given values against the types', () => {
    const runbook = load(TEXT);
    assert.deepEqual(resolveInputs(runbook, {}, { incident }), { service: 'checkout', graceSeconds: 10 });
    assert.deepEqual(resolveInputs(runbook, { service: 'cart', graceSeconds: 3 }, { incident }), { service: 'cart', graceSeconds: 3 });
    assert.throws(() => resolveInputs(runbook, { graceSeconds: 'soon' }, { incident }), (e: Error) => e instanceof InputsError && /graceSeconds must be a number/.test(e.message));
    assert.throws(() => resolveInputs(runbook, { region: 'eu' }, { incident }), /no input\(s\) region/);
  });

  it('fails a template that names something missing, instead of rendering it empty', () => {
    assert.equal(renderTemplate('restart {{ inputs.service }}', { inputs: { service: 'cart' }, steps: {} }), 'restart cart');
    assert.throws(() => renderTemplate('{{ steps.restart.status }}', { inputs: {}, steps: {} }), (e: Error) => e instanceof TemplateError && /steps\.restart\.status|undefined variable/.test(e.message));
  });
});
