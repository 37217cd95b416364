/** Channel senders by type: a new channel is an entry here and a file beside it, never a switch elsewhere. */
import type { Channel, ChannelType } from '../../../core/notify-api.js';
import type { ChannelSender } from './channel-sender.js';
import { sendEmail } from './email-sender.js';
import { sendSlack } from './slack-sender.js';
import { sendWebhook } from './webhook-sender.js';

export type ChannelSenders = { [T in ChannelType]: ChannelSender<Extract<Channel, { type: T }>> };

export const CHANNEL_SENDERS: ChannelSenders = { webhook: sendWebhook, slack: sendSlack, email: sendEmail };

/** The sender for `channel`'s type, typed to it. */
export function senderFor<C extends Channel>(senders: ChannelSenders, channel: C): ChannelSender<C> {
  // The map is keyed by type, so the entry for channel.type takes exactly this channel.
  return senders[channel.type] as ChannelSender<C>;
}
