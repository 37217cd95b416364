import type { Channel } from '../../../core/notify-api.js';
import type { MessageContext } from '../../../engage/notify/message-context.js';
import type { RenderedMessage } from '../../../engage/notify/templates.js';

export interface OutgoingMessage extends RenderedMessage {
  context: MessageContext;
}

/** Sends one message over one channel once; throws DeliveryError. Retries are the caller's (deliver.ts). */
export type ChannelSender<C extends Channel = Channel> = (channel: C, message: OutgoingMessage) => Promise<void>;
