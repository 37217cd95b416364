import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PagerDutyEventSchema,
  alertFingerprint,
  dedupKeyOf,
  flattenDetails,
  resolveToSignal,
  triggerToSignal,
  v1EventProblem,
  type PagerDutyTrigger,
} from '../../../src/ingest/pagerduty/index.js';
import { fixture, fixtureWithout, rawFixture } from './fixtures.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');

function trigger(name: string): PagerDutyTrigger {
  const event = fixture(name);
  assert.equal(event.event_action, 'trigger');
  return event;
}

describe('PagerDuty trigger → signal', () => {
  it('maps the full documented payload: component is the service, source the instance, details become labels', () => {
    const signal = triggerToSignal(trigger('trigger-full.json'), { nowMs: NOW });
    assert.equal(signal.source, 'pagerduty');
    assert.equal(signal.status, 'firing');
    assert.equal(signal.severity, 'critical');
    assert.equal(signal.service, 'mysql');
    assert.equal(signal.instance, 'prod-datapipe03.example.com');
    assert.equal(signal.name, 'disk');
    assert.equal(signal.summary, 'DISK at 99% on machine prod-datapipe03.example.com');
    assert.equal(signal.timeMs, Date.parse('2015-07-17T08:42:58.315Z'));
    assert.equal(signal.fingerprint, alertFingerprint('samplekeyhere0123456789abcdef012', 'samplekeyhere'));
    assert.deepEqual(signal.labels, {
      class: 'disk',
      client: 'Sample Monitoring Service',
      component: 'mysql',
      dedup_key: 'samplekeyhere',
      'free space': '1%',
      group: 'prod-datapipe',
      'load avg': '0.75',
      'mounts.root': '/dev/sda1',
      'ping time': '1500ms',
      source: 'prod-datapipe03.example.com',
    });
  });

  it('takes a minimal trigger: the source is the service, the summary the name, receive time the time', () => {
    const signal = triggerToSignal(trigger('trigger-minimal.json'), { nowMs: NOW });
    assert.equal(signal.service, 'host1.example.com');
    assert.equal(signal.instance, undefined);
    assert.equal(signal.name, 'Example alert on host1.example.com');
    assert.equal(signal.severity, 'warning');
    assert.equal(signal.timeMs, NOW);
  });

  it('generates the same dedup_key for a repeated trigger without one, and another for a different problem', () => {
    const event = trigger('trigger-minimal.json');
    const repeat = { ...event, payload: { ...event.payload, timestamp: '2030-01-01T00:05:00Z', custom_details: { n: 2 } } };
    assert.equal(dedupKeyOf(repeat), dedupKeyOf(event));
    assert.notEqual(dedupKeyOf({ ...event, payload: { ...event.payload, source: 'host2.example.com' } }), dedupKeyOf(event));
    assert.equal(triggerToSignal(repeat, { nowMs: NOW }).fingerprint, triggerToSignal(event, { nowMs: NOW }).fingerprint);
  });

  it('scopes a dedup_key to its routing key', () => {
    assert.notEqual(alertFingerprint('a'.repeat(32), 'k'), alertFingerprint('b'.repeat(32), 'k'));
  });

  it('turns a resolve into a resolving signal for the same alert', () => {
    const event = fixture('resolve.json');
    assert.equal(event.event_action, 'resolve');
    const signal = resolveToSignal(event.routing_key, dedupKeyOf(event), { nowMs: NOW });
    assert.equal(signal.status, 'resolved');
    assert.equal(signal.fingerprint, triggerToSignal(trigger('trigger-full.json'), { nowMs: NOW }).fingerprint);
  });

  it('flattens custom_details into bounded string labels', () => {
    assert.deepEqual(flattenDetails({ a: { b: true }, list: [1, 2], none: null }), { 'a.b': 'true', list: '[1,2]', none: 'null' });
    assert.deepEqual(flattenDetails('just text'), { details: 'just text' });
    assert.deepEqual(flattenDetails(undefined), {});
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const labels = flattenDetails(many);
    assert.equal(Object.keys(labels).length, 32);
    assert.ok(Object.values(labels).every((value) => value.length <= 256));
  });
});

describe('PagerDuty event schema', () => {
  const issues = (body: unknown) => {
    const result = PagerDutyEventSchema.safeParse(body);
    assert.equal(result.success, false);
    return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts every fixture in the documented format', () => {
    for (const name of ['trigger-full.json', 'trigger-minimal.json', 'acknowledge.json', 'resolve.json']) {
      assert.ok(PagerDutyEventSchema.safeParse(rawFixture(name)).success, name);
    }
  });

  it('requires a dedup_key to acknowledge or resolve', () => {
    assert.deepEqual(issues(fixtureWithout('resolve.json', 'dedup_key')), ['dedup_key: Invalid input: expected string, received undefined']);
  });

  it('requires a payload with summary, source and a known severity to trigger', () => {
    assert.deepEqual(issues(fixtureWithout('trigger-minimal.json', 'payload')), ['payload: Invalid input: expected object, received undefined']);
    const bad = { ...rawFixture('trigger-minimal.json'), payload: { summary: 'x'.repeat(1025), source: 'h', severity: 'fatal' } };
    assert.deepEqual(issues(bad), [
      'payload.summary: Too big: expected string to have <=1024 characters',
      'payload.severity: Invalid option: expected one of "critical"|"error"|"warning"|"info"',
    ]);
  });

  it('names a bad event_action, routing key, dedup_key or timestamp', () => {
    assert.deepEqual(issues({ ...rawFixture('resolve.json'), event_action: 'snooze' }), [
      'event_action: must be "trigger", "acknowledge" or "resolve"',
    ]);
    assert.deepEqual(issues({ ...rawFixture('resolve.json'), routing_key: 'short' }), ['routing_key: must be a 32-character integration key']);
    assert.deepEqual(issues({ ...rawFixture('resolve.json'), dedup_key: 'k'.repeat(256) }), [
      'dedup_key: Too big: expected string to have <=255 characters',
    ]);
    const late = rawFixture('trigger-minimal.json');
    const stamped = { ...late, payload: { ...(late['payload'] as object), timestamp: 'yesterday' } };
    assert.deepEqual(issues(stamped), ['payload.timestamp: expected an ISO 8601 timestamp, e.g. "2015-07-17T08:42:58.315+0000"']);
  });

  it('recognises an Events API v1 body and says so', () => {
    assert.match(v1EventProblem(rawFixture('events-v1-trigger.json')) ?? '', /Events API v1/);
    assert.equal(v1EventProblem(rawFixture('trigger-minimal.json')), undefined);
    assert.equal(v1EventProblem('text'), undefined);
  });
});
