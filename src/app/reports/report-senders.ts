/**
 * Sending a stored report over a notification channel, one sender per channel type (a new
 * channel type is an entry here). Same transports and signing as incident messages
 * (notify/channels); the message is the report, not an incident: webhooks get the Markdown and
 * the headline figures as JSON, Slack the headlines and a link, email the Markdown as text.
 */
import type { Channel, ChannelType } from '../../core/notify-api.js';
import type { StoredReport } from '../../core/report-api.js';
import { reportHeadlines } from '../../act/reports/report-headlines.js';
import { renderReportMarkdown } from '../../act/reports/render-markdown.js';
import { mailText } from '../notify/channels/email-sender.js';
import { postJson } from '../notify/channels/http-post.js';
import { signature } from '../notify/channels/webhook-sender.js';

export interface ReportMessage {
  stored: StoredReport;
  /** Where people open it: the UI page of the stored report. */
  url: string;
  nowMs: number;
}

type ReportSender<C extends Channel> = (channel: C, message: ReportMessage) => Promise<void>;
export type ReportSenders = { [T in ChannelType]: ReportSender<Extract<Channel, { type: T }>> };

/** Slack rejects a section text over 3,000 characters. */
const MAX_SECTION = 3_000;

export const REPORT_SENDERS: ReportSenders = {
  webhook: async (channel, { stored, url, nowMs }) => {
    const body = JSON.stringify({
      version: '1',
      event: 'report',
      time: new Date(nowMs).toISOString(),
      subject: subjectOf(stored),
      text: renderReportMarkdown(stored.report),
      report: { id: stored.id, kind: stored.kind, fromMs: stored.fromMs, toMs: stored.toMs, url, summary: stored.report.summary },
    });
    await postJson(channel.url, body, { timeoutMs: channel.timeoutMs, headers: { ...channel.headers, ...signature(channel.secret, body, nowMs) } });
  },
  slack: async (channel, { stored, url }) => {
    const text = [...reportHeadlines(stored.report), `<${url}|The whole report>`].join('\n');
    const body = JSON.stringify({
      text: subjectOf(stored),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: subjectOf(stored).slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, MAX_SECTION) } },
      ],
    });
    await postJson(channel.url, body, { timeoutMs: channel.timeoutMs });
  },
  email: (channel, { stored, url }) => mailText(channel, subjectOf(stored), `${renderReportMarkdown(stored.report)}\n${url}\n`),
};

export function reportSenderFor<C extends Channel>(senders: ReportSenders, channel: C): ReportSender<C> {
  // The map is keyed by type, so the entry for channel.type takes exactly this channel.
  return senders[channel.type] as ReportSender<C>;
}

function subjectOf(stored: StoredReport): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `opsloop improvement report: ${day(stored.fromMs)} to ${day(stored.toMs)}`;
}
