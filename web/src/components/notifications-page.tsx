import { useState } from 'react';
import { listChannels, listDeliveries, listRules, sendTest, type Delivery } from '../notify-api.js';
import { formatAbsolute } from '../format.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

/** Channels (with "Send test"), routing rules in order, and the latest deliveries. */
export function NotificationsPage() {
  const channels = usePoll('channels', (signal) => listChannels(signal), { intervalMs: 30_000 });
  const rules = usePoll('rules', (signal) => listRules(signal), { intervalMs: 30_000 });
  const deliveries = usePoll('deliveries', (signal) => listDeliveries(signal), { intervalMs: 10_000 });
  const [tests, setTests] = useState<Record<string, Delivery | Error | 'sending'>>({});

  const test = async (id: string) => {
    setTests((prev) => ({ ...prev, [id]: 'sending' }));
    try {
      const delivery = await sendTest(id);
      setTests((prev) => ({ ...prev, [id]: delivery }));
    } catch (error) {
      setTests((prev) => ({ ...prev, [id]: error instanceof Error ? error : new Error(String(error)) }));
    }
    deliveries.refresh();
  };

  const ordered = [...(rules.data?.items ?? [])].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return (
    <section>
      <div className="page-head">
        <h1>Notifications</h1>
        <a href="#/oncall">On call →</a>
      </div>
      <h2>Channels</h2>
      {channels.error ? <Notice kind="error" title="Could not load channels">{channels.error.message}</Notice> : null}
      {channels.data && channels.data.items.length === 0 ? <Notice kind="empty" title="No channels yet">Add one with POST /api/v1/notifications/channels.</Notice> : null}
      {channels.data && channels.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Channel</th>
              <th>Type</th>
              <th>Where</th>
              <th>Test</th>
            </tr>
          </thead>
          <tbody>
            {channels.data.items.map((channel) => {
              const result = tests[channel.id];
              return (
                <tr key={channel.id} data-testid="channel-row">
                  <td>
                    <strong>{channel.name}</strong> <span className="muted">{channel.id}</span>
                  </td>
                  <td>{channel.type}</td>
                  <td className="muted">{channel.type === 'email' ? `${channel.to.join(', ')} via ${channel.host}:${channel.port}` : new URL(channel.url).host}</td>
                  <td>
                    <button className="button" disabled={result === 'sending'} onClick={() => void test(channel.id)}>
                      Send test
                    </button>{' '}
                    <TestResult result={result} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <h2>Routing rules</h2>
      {rules.error ? <Notice kind="error" title="Could not load rules">{rules.error.message}</Notice> : null}
      {rules.data && ordered.length === 0 ? <Notice kind="empty" title="No rules yet">Add one with POST /api/v1/notifications/rules.</Notice> : null}
      {ordered.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th className="num">Order</th>
              <th>Rule</th>
              <th>Matches</th>
              <th>Sends to</th>
              <th>Then</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((rule) => (
              <tr key={rule.id} className={rule.enabled ? undefined : 'muted'}>
                <td className="num">{rule.order}</td>
                <td>
                  <strong>{rule.name}</strong> <span className="muted">{rule.events.join(', ')}</span>
                </td>
                <td>
                  <code>{[...rule.matchers, ...(rule.cel ? [rule.cel] : [])].join(' and ') || 'everything'}</code>
                </td>
                <td>
                  {rule.channels.join(', ') || <span className="muted">—</span>}
                  {rule.escalationPolicy ? <> · escalates by <a href="#/escalation-policies">{rule.escalationPolicy}</a></> : null}
                </td>
                <td className="muted">{rule.continue ? 'continue' : 'stop'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>Latest deliveries</h2>
      {deliveries.data && deliveries.data.deliveries.length === 0 ? <p className="muted">Nothing sent yet.</p> : null}
      {deliveries.data && deliveries.data.deliveries.length > 0 ? (
        <table className="table compact">
          <thead>
            <tr>
              <th>When</th>
              <th>Event</th>
              <th>Channel</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td>{formatAbsolute(d.timeMs)}</td>
                <td>
                  {d.event}
                  {d.incidentId ? <> · <a href={`#/incidents/${encodeURIComponent(d.incidentId)}`}>incident</a></> : null}
                </td>
                <td>
                  {d.channel} <span className="muted">{d.channelType}</span>
                </td>
                <td>
                  {d.status} <span className="muted">({d.attempts} attempt{d.attempts === 1 ? '' : 's'}){d.error ? ` ${d.error}` : ''}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function TestResult({ result }: { result: Delivery | Error | 'sending' | undefined }) {
  if (result === undefined) return null;
  if (result === 'sending') return <span className="muted">sending…</span>;
  if (result instanceof Error) return <span className="error-text">{result.message}</span>;
  return <span data-testid="test-result" className={result.status === 'sent' ? undefined : 'error-text'}>{result.status === 'sent' ? 'sent' : `failed: ${result.error ?? ''}`}</span>;
}
