import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Matcher, Silence } from '../../../src/core/silence-api.js';
import { compileMatcher, compileSilence, mutesEverything, mutingSilences, silenceState, type Matchable } from '../../../src/engage/silences/silence-matcher.js';

const alert: Matchable = {
  name: 'HighErrorRate',
  source: 'alertmanager',
  severity: 'critical',
  service: 'checkout',
  labels: { alertname: 'HighErrorRate', namespace: 'shop-prod', severity: 'page' },
};
const matches = (name: string, op: Matcher['op'], value: string) => compileMatcher({ name, op, value })(alert);

const silence = (overrides: Partial<Silence> = {}): Silence => ({
  id: 'sil_1',
  kind: 'silence',
  matchers: [{ name: 'service', op: '=', value: 'checkout' }],
  reason: 'deploy',
  createdBy: 'ana',
  createdMs: 0,
  startsMs: 1000,
  endsMs: 2000,
  ...overrides,
});

describe('compileMatcher', () => {
  it('compares equal and not equal text', () => {
    assert.equal(matches('namespace', '=', 'shop-prod'), true);
    assert.equal(matches('namespace', '=', 'shop'), false);
    assert.equal(matches('namespace', '!=', 'shop-staging'), true);
    assert.equal(matches('namespace', '!=', 'shop-prod'), false);
  });

  it('anchors regular expressions at both ends, and negates them with !~', () => {
    assert.equal(matches('namespace', '=~', 'shop-.*'), true);
    assert.equal(matches('namespace', '=~', 'shop'), false, 'no partial match');
    assert.equal(matches('namespace', '=~', 'prod|shop-prod'), true, 'alternation is grouped before anchoring');
    assert.equal(matches('namespace', '!~', '.*-staging'), true);
    assert.equal(matches('namespace', '!~', 'shop-.*'), false);
  });

  it('treats a missing label as the empty value, as Alertmanager does', () => {
    assert.equal(matches('team', '=', ''), true);
    assert.equal(matches('team', '!=', 'payments'), true);
    assert.equal(matches('team', '=~', '.+'), false);
  });

  it('matches the alert fields service, name, source and severity rather than labels of those names', () => {
    assert.equal(matches('severity', '=', 'critical'), true, 'the field, not the label "page"');
    assert.equal(matches('service', '=~', 'check.*'), true);
    assert.equal(matches('source', '!=', 'grafana'), true);
    assert.equal(matches('name', '=', 'HighErrorRate'), true);
  });

  it('names the matcher whose regular expression does not compile', () => {
    assert.throws(() => compileMatcher({ name: 'pod', op: '=~', value: 'web-(' }), /matcher pod=~"web-\(": not a valid regular expression/);
  });
});

describe('mutesEverything', () => {
  it('refuses matchers that all match an empty value', () => {
    assert.equal(mutesEverything([{ name: 'team', op: '=~', value: '.*' }]), true);
    assert.equal(mutesEverything([{ name: 'team', op: '!=', value: 'x' }]), true);
    assert.equal(mutesEverything([{ name: 'team', op: '!=', value: 'x' }, { name: 'service', op: '=', value: 'cart' }]), false);
  });
});

describe('silenceState and mutingSilences', () => {
  it('is pending before its start, active until its end, expired from its end', () => {
    assert.equal(silenceState(silence(), 999), 'pending');
    assert.equal(silenceState(silence(), 1000), 'active');
    assert.equal(silenceState(silence(), 2000), 'expired');
    assert.equal(silenceState(silence({ endsMs: 500 }), 600), 'expired', 'expired early before it started');
  });

  it('lists the silences that are active at the time and match every matcher', () => {
    const compiled = [
      compileSilence(silence()),
      compileSilence(silence({ id: 'sil_2', matchers: [{ name: 'service', op: '=', value: 'checkout' }, { name: 'namespace', op: '=', value: 'dev' }] })),
      compileSilence(silence({ id: 'sil_3', startsMs: 5000, endsMs: 9000 })),
    ];
    assert.deepEqual(mutingSilences(alert, 1500, compiled), ['sil_1']);
    assert.deepEqual(mutingSilences(alert, 6000, compiled), ['sil_3']);
    assert.deepEqual(mutingSilences(alert, 3000, compiled), []);
  });
});
