/**
 * One small world with known answers for the improvement report: alerts, incidents, timelines,
 * a problem, people and deliveries over the week of 2030-01-07 and the week before. The same
 * records feed the pure tests (through arraySource) and the route tests (seeded into SQLite), so
 * every figure is checked against the answer worked out by hand in the comments.
 */
import type { ReportSource } from '../../../src/act/reports/improvement-report.js';
import { within } from '../../../src/act/reports/report-period.js';
import type { Problem } from '../../../src/core/incident-api.js';
import type { Delivery, Schedule, User } from '../../../src/core/notify-api.js';
import type { Alert, Incident, TimelineEntry } from '../../../src/core/records.js';
import type { Store } from '../../../src/store/store.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2030-01-07 00:00 UTC: the week reported. */
export const FROM = Date.parse('2030-01-07T00:00:00Z');
export const TO = FROM + 7 * DAY;
export const PERIOD = { fromMs: FROM, toMs: TO };

function alert(id: string, overrides: Partial<Alert> & Pick<Alert, 'source' | 'name' | 'startsMs'>): Alert {
  return {
    id,
    fingerprint: `fp-${id}`,
    status: 'resolved',
    severity: 'warning',
    summary: `${overrides.name} on ${overrides.service ?? 'nothing'}`,
    labels: {},
    lastSeenMs: overrides.startsMs,
    count: 1,
    ...overrides,
  };
}

function incident(id: string, overrides: Partial<Incident> & Pick<Incident, 'title' | 'startedMs' | 'services'>): Incident {
  return { id, status: 'resolved', severity: 'error', updatedMs: overrides.startedMs, alertIds: [], causes: [], ...overrides };
}

// Incidents. Acknowledged after 10, 5 and 15 min; resolved after 60, 30, 60 and 90 min.
const I0 = incident('I0', { title: 'HighLatency on checkout', services: ['checkout'], team: 'payments', startedMs: FROM - 3 * DAY, acknowledgedMs: FROM - 3 * DAY + 10 * MIN, resolvedMs: FROM - 3 * DAY + 60 * MIN });
const I1 = incident('I1', { title: 'HighLatency on checkout', services: ['checkout'], team: 'payments', startedMs: FROM + HOUR, acknowledgedMs: FROM + HOUR + 5 * MIN, resolvedMs: FROM + HOUR + 30 * MIN, alertIds: ['a1'] });
const I2 = incident('I2', { title: 'DiskFull on db', services: ['db'], startedMs: FROM + 2 * DAY, resolvedMs: FROM + 2 * DAY + 60 * MIN, alertIds: ['d2'] });
const I3 = incident('I3', { title: 'error ratio up on cart', services: ['cart'], team: 'payments', startedMs: FROM + 3 * DAY, acknowledgedMs: FROM + 3 * DAY + 15 * MIN, resolvedMs: FROM + 3 * DAY + 90 * MIN, alertIds: ['e1'] });
const I4 = incident('I4', { title: 'HighLatency on checkout', services: ['checkout'], status: 'triggered', startedMs: FROM + 4 * DAY, alertIds: ['a5'] });
/** Linked to the problem long ago: counts for the problem's total only. */
const OLD = incident('OLD', { title: 'DiskFull on db', services: ['db'], startedMs: FROM - 60 * DAY, resolvedMs: FROM - 60 * DAY + HOUR });

const ALERTS: Alert[] = [
  // This week: HighLatency ×5 (one flapping, two silenced), DiskFull ×2, error ratio up ×1 = 8.
  alert('a1', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', startsMs: FROM + HOUR, endsMs: FROM + HOUR + 20 * MIN, incidentId: 'I1' }),
  alert('a2', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', startsMs: FROM + 5 * HOUR, endsMs: FROM + 6 * HOUR, silencedBy: ['sil_1'] }),
  alert('a3', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', status: 'firing', startsMs: FROM + DAY, flapping: true }),
  alert('a4', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', status: 'firing', startsMs: FROM + 2 * DAY, silencedBy: ['sil_1'] }),
  alert('a5', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', status: 'firing', startsMs: FROM + 4 * DAY, incidentId: 'I4' }),
  alert('d1', { source: 'grafana', name: 'DiskFull', service: 'db', startsMs: FROM + DAY, endsMs: FROM + DAY + HOUR }),
  alert('d2', { source: 'grafana', name: 'DiskFull', service: 'db', startsMs: FROM + 2 * DAY, endsMs: FROM + 2 * DAY + 50 * MIN, incidentId: 'I2' }),
  alert('e1', { source: 'detector', name: 'error ratio up', service: 'cart', startsMs: FROM + 3 * DAY, endsMs: FROM + 3 * DAY + 80 * MIN, incidentId: 'I3' }),
  // The week before: HighLatency ×1, DiskFull ×3 (all resolved, none in an incident: 4 never acted on).
  alert('p1', { source: 'alertmanager', name: 'HighLatency', service: 'checkout', startsMs: FROM - 3 * DAY, endsMs: FROM - 3 * DAY + HOUR }),
  alert('p2', { source: 'grafana', name: 'DiskFull', service: 'db', startsMs: FROM - 2 * DAY, endsMs: FROM - 2 * DAY + HOUR }),
  alert('p3', { source: 'grafana', name: 'DiskFull', service: 'db', startsMs: FROM - 2 * DAY + 2 * HOUR, endsMs: FROM - 2 * DAY + 3 * HOUR }),
  alert('p4', { source: 'grafana', name: 'DiskFull', service: 'db', startsMs: FROM - DAY, endsMs: FROM - DAY + HOUR }),
];

const TIMELINE: TimelineEntry[] = [
  // Only opsloop wrote on I2: nobody acted on it.
  { incidentId: 'I2', timeMs: FROM + 2 * DAY, kind: 'alert', message: 'DiskFull joined' },
  { incidentId: 'I2', timeMs: FROM + 2 * DAY + 60 * MIN, kind: 'status', message: 'resolved automatically: all alerts cleared' },
  // Someone wrote a note on I3 (it was acknowledged too).
  { incidentId: 'I3', timeMs: FROM + 3 * DAY + 20 * MIN, kind: 'note', message: 'rolled back', by: 'ana' },
];

const PROBLEM: Problem = { id: 'prb_disk', title: 'db disk fills up', status: 'known_error', createdMs: FROM - 61 * DAY, updatedMs: FROM - 61 * DAY, incidentIds: ['I2', 'OLD'] };

const USERS: User[] = [
  { id: 'ana', name: 'Ana', timeZone: 'UTC', role: 'responder', teams: [] },
  { id: 'bo', name: 'Bo', timeZone: 'America/New_York', role: 'responder', teams: [] },
];

/** Ana is on call in Berlin, so her night and weekend are Berlin's (not her own UTC). */
const SCHEDULES: Schedule[] = [
  { id: 'primary', name: 'Primary', timeZone: 'Europe/Berlin', layers: [{ name: 'weekly', users: ['ana'], start: '2030-01-01T09:00', rotation: { every: 1, unit: 'weeks' } }], overrides: [] },
];

type NewDelivery = Omit<Delivery, 'id'>;
const page = (user: string, time: string, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  timeMs: Date.parse(time),
  incidentId: 'I1',
  channel: `user:${user}`,
  channelType: 'slack',
  event: 'escalated',
  status: 'sent',
  attempts: 1,
  ...overrides,
});

const DELIVERIES: NewDelivery[] = [
  // Ana: Tue 22:30 Berlin (night; sent by Slack and email: one page), Wed 13:00, Sat 11:00 (weekend),
  // Sun 06:30 (weekend and night) → 4 pages, 2 at night, 2 at the weekend.
  page('ana', '2030-01-08T21:30:00Z'),
  page('ana', '2030-01-08T21:30:02Z', { channelType: 'email' }),
  page('ana', '2030-01-09T12:00:00Z', { incidentId: 'I2' }),
  page('ana', '2030-01-12T10:00:00Z', { incidentId: 'I3' }),
  page('ana', '2030-01-13T05:30:00Z', { incidentId: 'I4' }),
  // Bo: Wed 22:00 in New York (night) → 1 page; a failed one does not count.
  page('bo', '2030-01-10T03:00:00Z'),
  page('bo', '2030-01-10T04:00:00Z', { status: 'failed', error: 'HTTP 500' }),
  // A channel message is no page.
  page('ana', '2030-01-09T12:00:00Z', { channel: 'ops-slack' }),
  // The week before: Ana once.
  page('ana', '2030-01-02T12:00:00Z', { incidentId: 'I0' }),
];

export const WORLD = {
  alerts: ALERTS,
  incidents: [I0, I1, I2, I3, I4, OLD],
  timeline: TIMELINE,
  problems: [PROBLEM],
  users: USERS,
  schedules: SCHEDULES,
  deliveries: DELIVERIES.map((delivery, index): Delivery => ({ ...delivery, id: index + 1 })),
};

/** The world as a ReportSource over plain arrays. */
export function arraySource(world = WORLD): ReportSource {
  return {
    alertsStarted: (period) => ({ alerts: world.alerts.filter((a) => within(a.startsMs, period)), truncated: false }),
    incidentsStarted: (period) => world.incidents.filter((i) => within(i.startedMs, period)),
    incident: (id) => world.incidents.find((i) => i.id === id),
    timeline: (incidentId) => world.timeline.filter((entry) => entry.incidentId === incidentId),
    alertsOf: (incidentId) => world.alerts.filter((a) => a.incidentId === incidentId),
    problems: () => world.problems,
    deliveries: (period) => ({ deliveries: world.deliveries.filter((d) => within(d.timeMs, period)), truncated: false }),
    users: () => world.users,
    schedules: () => world.schedules,
    runbookExecutions: () => [],
  };
}

/** Writes the world into a store, as the loop and the API would have. */
export function seedWorld(store: Store): void {
  const world = WORLD;
  store.transaction(() => {
    for (const incident of world.incidents) store.incidents.save(incident);
    for (const alert of world.alerts) store.alerts.save(alert);
    for (const entry of world.timeline) store.incidents.appendTimeline(entry);
    for (const problem of world.problems) {
      store.problems.save(problem);
      for (const incidentId of problem.incidentIds) store.problems.link(problem.id, incidentId, problem.createdMs);
    }
    for (const user of world.users) store.notify.put('user', user);
    for (const schedule of world.schedules) store.notify.put('schedule', schedule);
    for (const delivery of DELIVERIES) store.notify.recordDelivery(delivery);
  });
}
