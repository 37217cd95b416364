/**
 * Who an escalation target reaches right now: a channel as configured; a user through their
 * personal Slack webhook and their email (over the first email channel's SMTP server); a
 * schedule through whoever is on call at that moment.
 */
import type { Channel, EscalationTarget, User } from '../../core/notify-api.js';
import { onCallAt } from '../../engage/oncall/final-shifts.js';
import type { NotifyRepository } from '../../store/store.js';

export interface Destination {
  channel: Channel;
  /** What the delivery log names: the channel id, or user:<id>. */
  label: string;
  /** How the target led here, for the timeline ("schedule primary → ana"). */
  via: string;
}

const DIRECT_TIMEOUT_MS = 5_000;
const DIRECT_RETRIES = 3;

export function destinationsOf(target: EscalationTarget, repo: NotifyRepository, nowMs: number): { destinations: Destination[]; problem?: string } {
  if (target.type === 'channel') {
    const channel = repo.get('channel', target.id);
    return channel ? { destinations: [{ channel, label: channel.id, via: `channel ${channel.id}` }] } : { destinations: [], problem: `channel ${target.id} does not exist` };
  }
  if (target.type === 'user') return userDestinations(target.id, repo, `user ${target.id}`);
  const schedule = repo.get('schedule', target.id);
  if (!schedule) return { destinations: [], problem: `schedule ${target.id} does not exist` };
  const shift = onCallAt(schedule, nowMs);
  if (!shift) return { destinations: [], problem: `nobody is on call in schedule ${target.id}` };
  return userDestinations(shift.userId, repo, `schedule ${schedule.id} → ${shift.userId}`);
}

function userDestinations(userId: string, repo: NotifyRepository, via: string): { destinations: Destination[]; problem?: string } {
  const user = repo.get('user', userId);
  if (!user) return { destinations: [], problem: `user ${userId} does not exist` };
  const destinations = directChannels(user, repo).map((channel) => ({ channel, label: `user:${user.id}`, via }));
  return destinations.length > 0 ? { destinations } : { destinations, problem: `user ${userId} has no Slack webhook, or no email with an email channel to send it` };
}

function directChannels(user: User, repo: NotifyRepository): Channel[] {
  const channels: Channel[] = [];
  const base = { id: `user-${user.id}`, name: user.name, timeoutMs: DIRECT_TIMEOUT_MS, retries: DIRECT_RETRIES };
  if (user.slackWebhook) channels.push({ ...base, type: 'slack', url: user.slackWebhook });
  const smtp = user.email ? repo.list('channel').find((c) => c.type === 'email') : undefined;
  if (user.email && smtp?.type === 'email') channels.push({ ...smtp, ...base, timeoutMs: smtp.timeoutMs, to: [user.email] });
  return channels;
}
