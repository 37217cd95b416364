/**
 * Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): `text` for
 * notifications and clients without blocks, `blocks` for the formatted message.
 */
import type { Channel } from '../../../core/notify-api.js';
import type { ChannelSender } from './channel-sender.js';
import { postJson } from './http-post.js';

type SlackChannel = Extract<Channel, { type: 'slack' }>;

/** Slack rejects a section text over 3,000 characters. */
const MAX_SECTION = 3_000;

export const sendSlack: ChannelSender<SlackChannel> = async (channel, message) => {
  const { context } = message;
  const body = JSON.stringify({
    text: message.subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: message.body.slice(0, MAX_SECTION) || ' ' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `opsloop · ${context.event.kind.replace('_', ' ')} · ${context.incident.id}` }] },
    ],
  });
  await postJson(channel.url, body, { timeoutMs: channel.timeoutMs });
};
