/** Email over SMTP with nodemailer: one connection per message (notifications are rare; no pool to leak). */
import nodemailer from 'nodemailer';
import type { Channel } from '../../../core/notify-api.js';
import type { ChannelSender } from './channel-sender.js';
import { DeliveryError } from './delivery-error.js';

type EmailChannel = Extract<Channel, { type: 'email' }>;

export const sendEmail: ChannelSender<EmailChannel> = (channel, message) => mailText(channel, message.subject, message.body);

/** One plain-text mail over the channel's SMTP server; throws DeliveryError (5xx permanent, the rest retryable). */
export async function mailText(channel: EmailChannel, subject: string, text: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure,
    ...(channel.auth ? { auth: { user: channel.auth.user, pass: channel.auth.pass } } : {}),
    connectionTimeout: channel.timeoutMs,
    greetingTimeout: channel.timeoutMs,
    socketTimeout: channel.timeoutMs,
  });
  try {
    await transport.sendMail({ from: channel.from, to: channel.to, subject, text });
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    // SMTP 5xx is a permanent refusal (bad address, auth); 4xx and connection trouble may pass later.
    const retryable = typeof code !== 'number' || code < 500;
    throw new DeliveryError(`SMTP ${channel.host}:${channel.port}: ${(error as Error).message}`, retryable, { cause: error });
  } finally {
    transport.close();
  }
}
