/**
 * On-call load per person from the delivery log: pages delivered, and of them those at night
 * (22:00 to 07:00) and at the weekend (Saturday, Sunday), in local time of the person's on-call
 * schedule: the first schedule (by id) that has them in a layer or an override, else their own
 * time zone. A page is a successful delivery to `user:<id>`; one page goes out over each of the
 * person's direct channels (Slack and email), so deliveries of the same incident and event to the
 * same person within a minute count once. Pure.
 */
import type { Delivery, Schedule, User } from '../../core/notify-api.js';
import type { OnCallLoad } from '../../core/report-api.js';
import { toLocal } from '../../engage/oncall/zoned-time.js';

export interface People {
  users: readonly User[];
  schedules: readonly Schedule[];
}

const SAME_PAGE_MS = 60_000;
const NIGHT_FROM_HOUR = 22;
const NIGHT_TO_HOUR = 7;
const USER_CHANNEL = 'user:';

export function oncallLoad(current: readonly Delivery[], previous: readonly Delivery[], people: People): OnCallLoad[] {
  const currentPages = pagesPerUser(current);
  const previousPages = pagesPerUser(previous);
  const users = new Map(people.users.map((user) => [user.id, user]));
  return [...currentPages]
    .map(([userId, times]): OnCallLoad => {
      const user = users.get(userId);
      const timeZone = scheduleZone(userId, people.schedules) ?? user?.timeZone ?? 'UTC';
      const locals = times.map((timeMs) => toLocal(timeMs, timeZone));
      return {
        userId,
        name: user?.name ?? userId,
        timeZone,
        pages: times.length,
        nightPages: locals.filter((local) => local.hour >= NIGHT_FROM_HOUR || local.hour < NIGHT_TO_HOUR).length,
        weekendPages: locals.filter((local) => isWeekend(local)).length,
        previousPages: previousPages.get(userId)?.length ?? 0,
      };
    })
    .sort((a, b) => b.pages - a.pages || b.nightPages - a.nightPages || a.userId.localeCompare(b.userId));
}

/** Person → the times of their pages, oldest first. */
export function pagesPerUser(deliveries: readonly Delivery[]): Map<string, number[]> {
  const sent = deliveries.filter((d) => d.status === 'sent' && d.channel.startsWith(USER_CHANNEL)).sort((a, b) => a.timeMs - b.timeMs || a.id - b.id);
  const lastPage = new Map<string, number>();
  const pages = new Map<string, number[]>();
  for (const delivery of sent) {
    const userId = delivery.channel.slice(USER_CHANNEL.length);
    const key = `${userId}\u0000${delivery.incidentId ?? ''}\u0000${delivery.event}`;
    const last = lastPage.get(key);
    if (last !== undefined && delivery.timeMs - last < SAME_PAGE_MS) continue;
    lastPage.set(key, delivery.timeMs);
    pages.set(userId, [...(pages.get(userId) ?? []), delivery.timeMs]);
  }
  return pages;
}

function scheduleZone(userId: string, schedules: readonly Schedule[]): string | undefined {
  return [...schedules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((schedule) => schedule.layers.some((layer) => layer.users.includes(userId)) || schedule.overrides.some((o) => o.userId === userId))?.timeZone;
}

function isWeekend(local: { year: number; month: number; day: number }): boolean {
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}
