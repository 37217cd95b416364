/**
 * Messages from runbooks over the configured notification channels (docs/notifications.md):
 * the `notify` step's text, and approval requests with their signed link. To a named channel,
 * or else wherever the routing rules send the incident's updates. Each send is retried as the
 * channel says, recorded in the delivery log and, for an incident, on its timeline.
 */
import type { Channel } from '../../core/notify-api.js';
import type { Incident } from '../../core/records.js';
import { matchLabels, messageContext, type MessageContext } from '../../engage/notify/message-context.js';
import { compileRule, route } from '../../engage/notify/routing.js';
import { renderMessage } from '../../engage/notify/templates.js';
import type { Store } from '../../store/store.js';
import { CHANNEL_SENDERS, senderFor, type ChannelSenders } from '../notify/channels/index.js';
import { deliverWithRetry } from '../notify/deliver.js';

export interface RunbookMessage {
  incidentId?: string;
  /** A channel id; default: the channels the routing rules pick for the incident's updates. */
  channelId?: string;
  subject: string;
  text: string;
  /** Where the message points: the execution's page. */
  url: string;
}

export interface RunbookMessengerOptions {
  store: Store;
  now: () => number;
  uiUrl: string;
  senders?: ChannelSenders;
  /** First retry wait. @default 1000 */
  backoffMs?: number;
}

/** The text is given to the templates as data, so what a runbook rendered is not rendered again. */
const TEMPLATE = { subject: '{{ runbook.subject }}', body: '{{ runbook.text }}\n{{ runbook.url }}' };

export class RunbookMessenger {
  readonly #options: RunbookMessengerOptions;

  constructor(options: RunbookMessengerOptions) {
    this.#options = options;
  }

  /** Sends to every channel; throws when there is none or any send failed for good. */
  async send(message: RunbookMessage): Promise<{ channels: string[] }> {
    const { store, now, uiUrl } = this.#options;
    const incident = message.incidentId !== undefined ? store.incidents.get(message.incidentId) : undefined;
    if (message.incidentId !== undefined && incident === undefined) throw new Error(`incident ${message.incidentId} does not exist`);
    const alerts = incident ? incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []) : [];
    const base = messageContext(incident ?? standIn(message, now()), alerts, { event: 'updated', nowMs: now(), uiUrl });
    const context: MessageContext & { runbook: { subject: string; text: string; url: string } } = { ...base, runbook: { subject: message.subject, text: message.text, url: message.url } };
    const channels = this.#channels(message, incident, context);
    if (channels.length === 0) {
      throw new Error(message.channelId === undefined ? 'no routing rule sends this incident\'s updates anywhere: name a channel in the step' : `channel ${message.channelId} does not exist`);
    }
    const failures: string[] = [];
    await Promise.all(
      channels.map(async (channel) => {
        const outcome = await deliverWithRetry(
          async () => {
            const rendered = await renderMessage(channel.type, context, [TEMPLATE]);
            await senderFor(this.#options.senders ?? CHANNEL_SENDERS, channel)(channel, { ...rendered, context });
          },
          { retries: channel.retries, backoffMs: this.#options.backoffMs ?? 1_000 },
        );
        store.notify.recordDelivery({
          timeMs: now(),
          channel: channel.id,
          channelType: channel.type,
          event: 'updated',
          status: outcome.status,
          attempts: outcome.attempts,
          ...(incident ? { incidentId: incident.id } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        });
        if (incident) {
          const result = outcome.status === 'sent' ? 'sent' : `failed: ${outcome.error ?? ''}`;
          store.incidents.appendTimeline({ incidentId: incident.id, timeMs: now(), kind: 'notification', message: `${message.subject} → ${channel.type} ${channel.id}: ${result}` });
        }
        if (outcome.status !== 'sent') failures.push(`${channel.id}: ${outcome.error ?? 'failed'}`);
      }),
    );
    if (failures.length > 0) throw new Error(`not sent to ${failures.join('; ')}`);
    return { channels: channels.map((channel) => channel.id) };
  }

  #channels(message: RunbookMessage, incident: Incident | undefined, context: MessageContext): Channel[] {
    const { store } = this.#options;
    if (message.channelId !== undefined) {
      const channel = store.notify.get('channel', message.channelId);
      return channel ? [channel] : [];
    }
    if (incident === undefined) return [];
    const rules = store.notify.list('rule').flatMap((rule) => {
      try {
        return [compileRule(rule)];
      } catch {
        return []; // validated when saved; the notifier reports one that no longer compiles
      }
    });
    const ids = new Set(route(rules, { event: 'updated', labels: matchLabels(context), variables: { ...context } }).flatMap(({ rule }) => rule.channels));
    return [...ids].flatMap((id) => store.notify.get('channel', id) ?? []);
  }
}

/** For a message with no incident (a scheduled run): the templates still see an incident-shaped record. */
function standIn(message: RunbookMessage, nowMs: number): Incident {
  return { id: 'none', title: message.subject, status: 'triggered', severity: 'info', services: [], startedMs: nowMs, updatedMs: nowMs, alertIds: [], causes: [] };
}
