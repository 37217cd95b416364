/**
 * Generic webhook: one JSON POST per message. With a secret, the body is signed the way
 * Stripe and Slack sign theirs: HMAC-SHA256 over "{timestamp}.{body}", sent as
 * `X-Opsloop-Signature: sha256=<hex>` with `X-Opsloop-Timestamp` (epoch seconds), so a
 * receiver can reject replays and tampering.
 */
import { createHmac } from 'node:crypto';
import type { Channel } from '../../../core/notify-api.js';
import type { ChannelSender } from './channel-sender.js';
import { postJson } from './http-post.js';

type WebhookChannel = Extract<Channel, { type: 'webhook' }>;

export const sendWebhook: ChannelSender<WebhookChannel> = async (channel, message) => {
  const { context } = message;
  const body = JSON.stringify({
    version: '1',
    event: context.event.kind,
    time: context.event.time,
    subject: message.subject,
    text: message.body,
    incident: context.incident,
    labels: context.labels,
    alerts: context.alerts,
    ...(context.escalation ? { escalation: context.escalation } : {}),
  });
  await postJson(channel.url, body, { timeoutMs: channel.timeoutMs, headers: { ...channel.headers, ...signature(channel.secret, body, context.event.timeMs) } });
};

export function signature(secret: string | undefined, body: string, nowMs: number): Record<string, string> {
  if (secret === undefined) return {};
  const timestamp = String(Math.floor(nowMs / 1000));
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'x-opsloop-timestamp': timestamp, 'x-opsloop-signature': `sha256=${digest}` };
}
