import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MinedLog, Signal } from '../../../../src/core/records.js';
import { NewTemplateAlerts, QUIET_MS, REPEAT_WINDOW_MS } from '../../../../src/observe/logs/signals/new-template-alerts.js';
import { ERROR, INFO, T0 } from './synthetic-logs.js';

const WARMUP = 1000;
const FATAL = 21;

function alerts(alertsPerHour = 5): NewTemplateAlerts {
  return new NewTemplateAlerts({ warmupLines: WARMUP, minSeverity: ERROR, alertsPerHour });
}

function created(templateId: string, severityNumber: number, timeMs: number, minerLine = WARMUP + 500): MinedLog {
  return { service: 'payment', templateId, template: `Error processing charge: ${templateId} <*>`, change: 'created', severityNumber, timeMs, minerLine };
}

function again(log: MinedLog, timeMs: number): MinedLog {
  const { service, templateId, template, severityNumber } = log;
  return { service, templateId, template, change: 'matched', severityNumber, timeMs };
}

/** A new template's first line and `repeats` more, one second apart. */
function newMessage(templateId: string, severityNumber: number, timeMs: number, repeats = 2): MinedLog[] {
  const first = created(templateId, severityNumber, timeMs);
  return [first, ...Array.from({ length: repeats }, (_, i) => again(first, timeMs + (i + 1) * 1000))];
}

const firing = (signals: readonly Signal[]) => signals.filter((s) => s.status === 'firing');

describe('NewTemplateAlerts', () => {
  it('alerts on a new ERROR message that repeats, from its first line, with the template and the query of its lines', () => {
    const [signal, ...rest] = alerts().observe(newMessage('t-502', ERROR, T0));
    assert.equal(rest.length, 0);
    assert.equal(signal?.status, 'firing');
    assert.equal(signal?.severity, 'warning');
    assert.equal(signal?.name, 'new ERROR log template');
    assert.equal(signal?.service, 'payment');
    assert.equal(signal?.timeMs, T0);
    assert.match(signal?.summary ?? '', /^payment logs a new ERROR message: Error processing charge: t-502 <\*>$/);
    assert.deepEqual(signal?.logs?.templates, [{ templateId: 't-502', template: 'Error processing charge: t-502 <*>', count: 3 }]);
    assert.equal(signal?.logs?.query, `/api/v1/logs?service=payment&templateId=t-502&from=${T0}`);
  });

  it('weighs severity: a new FATAL message alerts on its first line, a lone new ERROR line and new INFO messages do not', () => {
    const detector = alerts();
    const signals = detector.observe([
      created('t-fatal', FATAL, T0),
      created('t-rare-error', ERROR, T0 + 1),
      ...newMessage('t-info', INFO, T0 + 2, 50),
    ]);
    assert.deepEqual(signals.map((s) => [s.labels['template_id'], s.severity]), [['t-fatal', 'error']]);
    const late = detector.observe([again(created('t-rare-error', ERROR, T0), T0 + REPEAT_WINDOW_MS + 60_000), again(created('t-rare-error', ERROR, T0), T0 + REPEAT_WINDOW_MS + 61_000)]);
    assert.deepEqual(firing(late), [], 'repeats after the window do not make an old rare error news');
  });

  it('stays quiet while the miner warms up: a cold start is not a storm of new templates', () => {
    const coldStart = Array.from({ length: 300 }, (_, i) => created(`t${i}`, ERROR, T0 + i, i * 3 + 1));
    assert.deepEqual(alerts(1000).observe([...coldStart, ...coldStart.map((log) => again(log, log.timeMs + 10)), ...coldStart.map((log) => again(log, log.timeMs + 20))]), []);
  });

  it('opens at most alertsPerHour per service in any hour', () => {
    const detector = alerts(5);
    const release = Array.from({ length: 20 }, (_, i) => newMessage(`t${i}`, ERROR, T0 + i * 5000)).flat();
    assert.equal(firing(detector.observe(release)).length, 5);
    const nextHour = detector.observe(newMessage('t-late', ERROR, T0 + 3_600_000 + 100_000));
    assert.deepEqual(firing(nextHour).map((s) => s.labels['template_id']), ['t-late']);
  });

  it('keeps firing while the template logs and resolves once it has been quiet', () => {
    const detector = alerts();
    const lines = newMessage('t-502', ERROR, T0);
    const [opened] = detector.observe(lines);
    const first = lines[0] as MinedLog;
    assert.deepEqual(detector.observe([again(first, T0 + 60_000), again(first, T0 + 60_000 + QUIET_MS - 1)]), [], 'still logging: still firing');
    const resolved = detector.observe([{ ...again(first, T0 + 60_000 + 2 * QUIET_MS), templateId: 'other' }]);
    assert.deepEqual(resolved.map((s) => [s.status, s.fingerprint, s.timeMs]), [['resolved', opened?.fingerprint, T0 + 60_000 + QUIET_MS - 1]]);
  });
});
