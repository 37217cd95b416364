import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageContext } from '../../../src/engage/notify/message-context.js';
import { sampleIncident } from '../../../src/engage/notify/sample-incident.js';
import { checkTemplate, renderMessage, TemplateError } from '../../../src/engage/notify/templates.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const { incident, alerts } = sampleIncident(NOW);
const context = messageContext(incident, alerts, { event: 'opened', nowMs: NOW, uiUrl: 'https://ops.example.com/' });

describe('renderMessage()', () => {
  it('renders each channel type default with the incident, its alerts, cause and link', async () => {
    const email = await renderMessage('email', context);
    assert.equal(email.subject, '[CRITICAL] payment: HighErrorRate (sample) (opened)');
    assert.match(email.body, /^Services: payment, checkout$/m);
    assert.match(email.body, /^- \[firing\] LatencyP95High on checkout: checkout p95 at 2\.4 s/m);
    assert.match(email.body, /^Likely cause: payment \(error ratio up, score 0\.82\)$/m);
    assert.match(email.body, /^Open: https:\/\/ops\.example\.com\/#\/incidents\/inc_sample$/m);
    const slack = await renderMessage('slack', context);
    assert.match(slack.body, /^\*<https:\/\/ops\.example\.com\/#\/incidents\/inc_sample\|payment: HighErrorRate \(sample\)>\*/);
  });

  it('takes the first override that sets each part, defaults for the rest', async () => {
    const message = await renderMessage('webhook', context, [{ body: 'rule: {{ labels.team }}' }, { subject: 'channel', body: 'channel body' }]);
    assert.deepEqual(message, { subject: 'channel', body: 'rule: payments' });
  });

  it('is sandboxed: no file access, no prototype walk, bounded loops', async () => {
    await assert.rejects(renderMessage('webhook', context, [{ body: "{% include '/etc/passwd' %}" }]), (error: Error) => error instanceof TemplateError && /body line 1: ENOENT/.test(error.message));
    assert.equal((await renderMessage('webhook', context, [{ body: '[{{ incident.constructor }}{{ incident.__proto__ }}]' }])).body, '[]');
    await assert.rejects(renderMessage('webhook', context, [{ body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' }]), /limit exceeded/);
  });

  it('checkTemplate() reports the part and line of a parse error', () => {
    assert.throws(
      () => checkTemplate({ subject: 'ok', body: 'one\ntwo\n{{ x | nope }}' }),
      (error: Error) => error instanceof TemplateError && error.part === 'body' && error.line === 3 && error.message === 'template body line 3: undefined filter: nope',
    );
  });
});
