import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatProblems, loadRunbook, type RunbookLoad } from '../../../src/act/runbooks/load-runbook.js';

const GOOD = readFileSync(new URL('../../fixtures/runbooks/restart-service.yaml', import.meta.url), 'utf8');

function problems(load: RunbookLoad): string {
  assert.equal(load.ok, false, 'expected problems');
  return load.ok ? '' : formatProblems(load.problems);
}

describe('loadRunbook', () => {
  it('loads a valid runbook with defaults filled in', () => {
    const load = loadRunbook(GOOD, 'restart-service.yaml');
    assert.ok(load.ok, load.ok ? '' : formatProblems(load.problems));
    assert.equal(load.runbook.steps.length, 4);
    assert.deepEqual(load.runbook.limits, { concurrent: 1, perTarget: 1, perHour: 6 });
    assert.equal(load.runbook.autoRun.enabled, false);
    const restart = load.runbook.steps[0];
    assert.equal(restart?.type === 'http' && restart.method, 'POST');
  });

  it('reports YAML syntax errors with file and line', () => {
    assert.match(problems(loadRunbook('id: x\nsteps: [\n', 'broken.yaml')), /^broken\.yaml:\d+:\d+: /);
    assert.match(problems(loadRunbook('id: a\nid: b\n', 'dup.yaml')), /^dup\.yaml:\d+:\d+: Map keys must be unique/);
  });

  it('points at an unknown step type and unknown fields', () => {
    const text = GOOD.replace('    type: wait\n', '    type: sleep\n').replace('    url: ', '    uri: x\n    url: ');
    const report = problems(loadRunbook(text, 'r.yaml'));
    assert.match(report, /r\.yaml:20:11: steps\.1\.type: .*'http' \| 'exec'/);
    assert.match(report, /r\.yaml:14:5: steps\.0: unknown field\(s\) "uri"/);
  });

  it('rejects templates that name what does not exist, at their line', () => {
    const text = GOOD.replace('{{ incident.causes[0].service }}', '{{ incident.rootCause }}')
      .replace('steps.restart.status', 'steps.tell.status')
      .replace('/restart', '/{{ inputs.region }}/restart');
    const report = problems(loadRunbook(text, 'r.yaml'));
    assert.match(report, /r\.yaml:9:14: template names incident\.rootCause; an incident has id, title/);
    assert.match(report, /r\.yaml:27:11: template reads step "tell", which does not run before this one/);
    assert.match(report, /r\.yaml:16:10: template names input "region", which the runbook does not declare/);
  });

  it('lets rollback steps read any step, and rejects bad liquid, CEL, cron and duplicate ids', () => {
    const text = GOOD.replace("incident: 'incident.severity == \"critical\"'", "incident: 'incident.severity =='\n  schedule: 'every tuesday'")
      .replace("note: 'Restarted", "note: '{% if %}Restarted")
      .replace('  - id: page', '  - id: restart');
    const report = problems(loadRunbook(text, 'r.yaml'));
    assert.match(report, /triggers\.incident: is not a valid CEL expression/);
    assert.match(report, /triggers\.schedule: is not a cron pattern/);
    assert.doesNotMatch(report, /steps\.check/);
    assert.ok(loadRunbook(GOOD, 'ok.yaml').ok);
    const liquid = problems(loadRunbook(GOOD.replace("note: 'Restarted", "note: '{% if %}Restarted").replace('  - id: page', '  - id: restart'), 'r.yaml'));
    assert.match(liquid, /template does not parse/);
    assert.match(liquid, /step id "restart" is used twice/);
  });
});
