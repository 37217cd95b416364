/**
 * Notifications at the edge of the loop: incident changes become events (engage/notify
 * incident-events), events are routed by rules to channels and escalation policies, messages
 * are rendered and sent with retries, and every send is recorded in the delivery log and on
 * the incident's timeline. Escalations advance on `tick()`.
 *
 * Decisions and bookkeeping happen synchronously when an incident change arrives, so the
 * stored state never races; the sends themselves run in the background (`idle()` waits for
 * them) so a slow receiver never holds up the bus. A crash mid-send loses that one message.
 */
import type { Channel, Delivery, EscalationTarget, IncidentEventKind, MessageTemplate, RoutingRule } from '../../core/notify-api.js';
import type { Alert, Incident } from '../../core/records.js';
import { advanceEscalation, startEscalation, stopEscalation, type Page } from '../../engage/notify/escalation.js';
import { incidentEvent, snapshotOf } from '../../engage/notify/incident-events.js';
import { matchLabels, messageContext, type MessageContext } from '../../engage/notify/message-context.js';
import { compileRule, route, throttleAllows } from '../../engage/notify/routing.js';
import { sampleIncident } from '../../engage/notify/sample-incident.js';
import { renderMessage } from '../../engage/notify/templates.js';
import type { Store } from '../../store/store.js';
import { CHANNEL_SENDERS, senderFor, type ChannelSenders } from './channels/index.js';
import { deliverWithRetry } from './deliver.js';
import { destinationsOf, type Destination } from './destinations.js';

export interface NotifierOptions {
  store: Store;
  /** Wall clock: throttling and escalation timeouts are about people, not event time. */
  now: () => number;
  uiUrl: string;
  senders?: ChannelSenders;
  /** First retry wait; tests shorten it. @default 1000 */
  backoffMs?: number;
  logger?: { warn(object: object, message: string): void };
}

interface Send {
  destination: Destination;
  context: MessageContext;
  templates: Array<MessageTemplate | undefined>;
  ruleId?: string;
  incidentId?: string;
}

const STOPS_ESCALATION: ReadonlySet<IncidentEventKind> = new Set(['acknowledged', 'resolved', 'closed']);

export class Notifier {
  readonly #options: NotifierOptions;
  readonly #senders: ChannelSenders;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(options: NotifierOptions) {
    this.#options = options;
    this.#senders = options.senders ?? CHANNEL_SENDERS;
  }

  /** Turns changed incidents into events and sends what the rules ask for. */
  onIncidents(incidents: readonly Incident[]): void {
    const { store } = this.#options;
    const sends: Send[] = [];
    store.transaction(() => {
      for (const incident of incidents) sends.push(...this.#decide(incident));
    });
    for (const send of sends) this.#launch(send);
  }

  /** Pages every escalation level that fell due. */
  tick(): void {
    const { store, now } = this.#options;
    const nowMs = now();
    const sends: Send[] = [];
    store.transaction(() => {
      for (const state of store.notify.escalations({ status: 'active' })) {
        const policy = store.notify.get('policy', state.policyId);
        const incident = store.incidents.get(state.incidentId);
        if (!policy || !incident || incident.status !== 'triggered') {
          store.notify.saveEscalation(stopEscalation(state));
          continue;
        }
        const step = advanceEscalation(policy, state, nowMs);
        store.notify.saveEscalation(step.state);
        sends.push(...this.#pages(incident, policy.id, step.pages, nowMs));
      }
    });
    for (const send of sends) this.#launch(send);
  }

  /** Sends a sample message over one channel now and waits for the outcome. */
  async sendTest(channel: Channel): Promise<Delivery> {
    const { incident, alerts } = sampleIncident(this.#options.now());
    const context = messageContext(incident, alerts, { event: 'test', nowMs: this.#options.now(), uiUrl: this.#options.uiUrl });
    return this.#deliver({ destination: { channel, label: channel.id, via: 'test' }, context, templates: [channel.template] });
  }

  /** Resolves once every send started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  #decide(incident: Incident): Send[] {
    const { store, now, uiUrl } = this.#options;
    const nowMs = now();
    const previous = store.notify.notified(incident.id);
    const event = incidentEvent(previous, incident);
    const lastSentMs = { ...previous?.lastSentMs };
    const sends: Send[] = [];
    if (event) {
      if (STOPS_ESCALATION.has(event)) {
        for (const state of store.notify.escalations({ incidentId: incident.id, status: 'active' })) store.notify.saveEscalation(stopEscalation(state));
      }
      const alerts = incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []);
      const context = messageContext(incident, alerts, { event, nowMs, uiUrl });
      for (const { rule } of this.#route(context)) {
        if (!throttleAllows(event, lastSentMs[rule.id], nowMs, rule.throttleSeconds)) continue;
        lastSentMs[rule.id] = nowMs;
        sends.push(...this.#ruleSends(rule, incident, alerts, context));
      }
    }
    store.notify.saveNotified(incident.id, { ...snapshotOf(incident), lastSentMs });
    return sends;
  }

  #route(context: MessageContext) {
    const { store, logger } = this.#options;
    const compiled = store.notify.list('rule').flatMap((rule) => {
      try {
        return [compileRule(rule)];
      } catch (error) {
        // Rules are validated when saved; one that no longer compiles is skipped, not fatal.
        logger?.warn({ err: error, rule: rule.id }, 'routing rule skipped');
        return [];
      }
    });
    const variables: Record<string, unknown> = { ...context };
    return route(compiled, { event: context.event.kind, labels: matchLabels(context), variables }, (rule, error) =>
      logger?.warn({ err: error, rule }, 'routing rule CEL failed on an incident; counted as no match'),
    );
  }

  #ruleSends(rule: RoutingRule, incident: Incident, alerts: readonly Alert[], context: MessageContext): Send[] {
    const { store, now } = this.#options;
    const sends: Send[] = [];
    for (const channelId of rule.channels) {
      const channel = store.notify.get('channel', channelId);
      if (!channel) {
        this.#timeline(incident.id, `rule ${rule.id}: channel ${channelId} does not exist; nothing sent there`);
        continue;
      }
      sends.push({ destination: { channel, label: channel.id, via: `rule ${rule.id}` }, context, templates: [rule.template, channel.template], ruleId: rule.id, incidentId: incident.id });
    }
    if (context.event.kind === 'opened' && rule.escalationPolicy) {
      const policy = store.notify.get('policy', rule.escalationPolicy);
      const running = store.notify.escalations({ incidentId: incident.id, status: 'active' }).some((s) => s.policyId === rule.escalationPolicy);
      if (!policy) this.#timeline(incident.id, `rule ${rule.id}: escalation policy ${rule.escalationPolicy} does not exist`);
      else if (!running) {
        const step = startEscalation(policy, incident.id, now());
        store.notify.saveEscalation(step.state);
        sends.push(...this.#pages(incident, policy.id, step.pages, now(), alerts));
      }
    }
    return sends;
  }

  #pages(incident: Incident, policyId: string, pages: readonly Page[], nowMs: number, knownAlerts?: readonly Alert[]): Send[] {
    if (pages.length === 0) return [];
    const { store, uiUrl } = this.#options;
    const alerts = knownAlerts ?? incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []);
    const sends: Send[] = [];
    for (const page of pages) {
      const context: MessageContext = {
        ...messageContext(incident, alerts, { event: 'escalated', nowMs, uiUrl }),
        escalation: { policy: policyId, level: page.level + 1, round: page.round + 1 },
      };
      this.#timeline(incident.id, `escalation ${policyId}: level ${page.level + 1}${page.round > 0 ? ` (repeat ${page.round})` : ''} paged`);
      for (const target of page.targets) sends.push(...this.#targetSends(incident.id, target, context, nowMs));
    }
    return sends;
  }

  #targetSends(incidentId: string, target: EscalationTarget, context: MessageContext, nowMs: number): Send[] {
    const { destinations, problem } = destinationsOf(target, this.#options.store.notify, nowMs);
    if (problem) this.#timeline(incidentId, `escalation: ${problem}`);
    return destinations.map((destination) => ({ destination, context, templates: [destination.channel.template], incidentId }));
  }

  #launch(send: Send): void {
    const running = this.#deliver(send).catch((error: unknown) => this.#options.logger?.warn({ err: error }, 'notification not recorded'));
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
  }

  async #deliver(send: Send): Promise<Delivery> {
    const { store, now } = this.#options;
    const { channel, label, via } = send.destination;
    const outcome = await deliverWithRetry(
      async () => {
        const message = await renderMessage(channel.type, send.context, send.templates);
        await senderFor(this.#senders, channel)(channel, { ...message, context: send.context });
      },
      { retries: channel.retries, backoffMs: this.#options.backoffMs ?? 1_000 },
    );
    const delivery = store.notify.recordDelivery({
      timeMs: now(),
      channel: label,
      channelType: channel.type,
      event: send.context.event.kind,
      status: outcome.status,
      attempts: outcome.attempts,
      ...(send.incidentId ? { incidentId: send.incidentId } : {}),
      ...(send.ruleId ? { ruleId: send.ruleId } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    if (send.incidentId) {
      const attempts = `${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
      const result = outcome.status === 'sent' ? `sent (${attempts})` : `failed after ${attempts}: ${outcome.error ?? ''}`;
      this.#timeline(send.incidentId, `${send.context.event.kind.replace('_', ' ')} → ${channel.type} ${label} via ${via}: ${result}`);
    }
    return delivery;
  }

  #timeline(incidentId: string, message: string): void {
    this.#options.store.incidents.appendTimeline({ incidentId, timeMs: this.#options.now(), kind: 'notification', message });
  }
}
