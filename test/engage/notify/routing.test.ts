import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RoutingRuleSchema, type RoutingRule } from '../../../src/core/notify-api.js';
import type { Alert, Incident } from '../../../src/core/records.js';
import { parseMatcher, matches } from '../../../src/engage/notify/label-matcher.js';
import { matchLabels, messageContext } from '../../../src/engage/notify/message-context.js';
import { compileRule, route, RuleError, throttleAllows } from '../../../src/engage/notify/routing.js';

const incident: Incident = {
  id: 'inc_1',
  title: 'payment: HighErrorRate',
  status: 'triggered',
  severity: 'critical',
  services: ['payment', 'checkout'],
  startedMs: 0,
  updatedMs: 0,
  alertIds: ['a1', 'a2'],
  causes: [],
};
const alert = (labels: Record<string, string>): Alert => ({
  id: 'a1', fingerprint: 'f', source: 'alertmanager', name: 'HighErrorRate', service: 'payment', status: 'firing', severity: 'critical',
  summary: 's', labels, startsMs: 0, lastSeenMs: 0, count: 1,
});
const input = (event: 'opened' | 'updated' = 'opened') => {
  const context = messageContext(incident, [alert({ team: 'payments', env: 'prod' })], { event, nowMs: 0, uiUrl: 'http://x' });
  return { event, labels: matchLabels(context), variables: { ...context } };
};
const rule = (fields: Partial<RoutingRule> & { id: string }): RoutingRule => RoutingRuleSchema.parse({ name: fields.id, ...fields });
const ids = (rules: RoutingRule[]) => route(rules.map(compileRule), input()).map((m) => m.rule.id);

describe('label matchers', () => {
  it('parse and match =, !=, =~ (anchored) and !~, with several services', () => {
    const ctx = { service: ['payment', 'checkout'], env: 'prod' };
    assert.equal(matches(parseMatcher('env="prod"'), ctx), true);
    assert.equal(matches(parseMatcher('env!=prod'), ctx), false);
    assert.equal(matches(parseMatcher('service=~"check.*"'), ctx), true);
    assert.equal(matches(parseMatcher('service=~"check"'), ctx), false, 'regexes are anchored');
    assert.equal(matches(parseMatcher('service!~"pay.*"'), ctx), false, 'no service may match a negative regex');
    assert.equal(matches(parseMatcher('team=""'), ctx), true, 'a missing label is empty');
    assert.throws(() => parseMatcher('env=~"("'), /matcher "env=~\\"\(\\"": Invalid regular expression/);
    assert.throws(() => parseMatcher('just text'), /is not name=value/);
  });
});

describe('route()', () => {
  it('stops at the first matching rule unless it says continue, in rule order', () => {
    const rules = [
      rule({ id: 'c-all', order: 3, matchers: [] }),
      rule({ id: 'a-prod', order: 1, matchers: ['env="prod"'], continue: true }),
      rule({ id: 'b-team', order: 2, matchers: ['team=~"pay.*"', 'severity="critical"'] }),
    ];
    assert.deepEqual(ids(rules), ['a-prod', 'b-team']);
    assert.deepEqual(ids(rules.map((r) => (r.id === 'b-team' ? { ...r, matchers: ['team="search"'] } : r))), ['a-prod', 'c-all']);
  });

  it('evaluates CEL over incident, labels and event; a failing expression is no match', () => {
    const errors: string[] = [];
    const rules = [
      rule({ id: 'missing-label', order: 1, cel: 'labels.region == "eu"' }),
      rule({ id: 'cel', order: 2, cel: 'incident.alertCount >= 2 && "checkout" in incident.services && event.kind == "opened"' }),
    ];
    const matched = route(rules.map(compileRule), input(), (id) => errors.push(id));
    assert.deepEqual(matched.map((m) => m.rule.id), ['cel']);
    assert.deepEqual(errors, ['missing-label']);
  });

  it('skips rules that do not listen to the event, and disabled ones', () => {
    const rules = [rule({ id: 'resolved-only', events: ['resolved'] }), rule({ id: 'off', enabled: false }), rule({ id: 'z' })];
    assert.deepEqual(ids(rules), ['z']);
  });

  it('compileRule() names the rule and the fault of bad CEL or matchers', () => {
    assert.throws(() => compileRule(rule({ id: 'bad', cel: 'incident.((' })), (error: Error) => error instanceof RuleError && /rule bad: CEL/.test(error.message));
    assert.throws(() => compileRule(rule({ id: 'bad2', matchers: ['x~y'] })), /rule bad2: matcher/);
  });

  it('throttleAllows() holds back "updated" within the throttle, never the others', () => {
    assert.equal(throttleAllows('updated', 1_000, 200_000, 300), false);
    assert.equal(throttleAllows('updated', 1_000, 301_000, 300), true);
    assert.equal(throttleAllows('resolved', 1_000, 1_001, 300), true);
  });
});
