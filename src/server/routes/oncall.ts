import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OnCallNowResponseSchema, OnCallQuerySchema, ShiftsQuerySchema, ShiftsResponseSchema, type Schedule } from '../../core/notify-api.js';
import { canSeeTeam, type Principal } from '../../core/access.js';
import { OpsError } from '../../core/errors.js';
import { finalShifts, onCallAt } from '../../engage/oncall/final-shifts.js';
import { redactedUrl } from '../channel-secrets.js';
import { errorResponses } from '../error-responses.js';
import { checkSchedule } from '../notify-config-checks.js';
import type { RouteOptions } from '../route-options.js';
import { registerConfigRoutes } from './notify-config-routes.js';

const TAGS = ['on-call'];
const DAY_MS = 86_400_000;
/** Bounds the work of one request: final shifts cost grows with the shifts in the window. */
const MAX_WINDOW_MS = 93 * DAY_MS;

export const oncallRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  const repo = () => engine.store.notify;
  const access = engine.store.access;
  registerConfigRoutes(app, repo, {
    kind: 'user',
    path: '/api/v1/users',
    noun: 'User',
    tag: 'on-call',
    // A personal Slack webhook URL is a credential: shown by origin only, kept on a PUT of that.
    present: (user) => (user.slackWebhook ? { ...user, slackWebhook: redactedUrl(user.slackWebhook) } : user),
    merge: (incoming, stored) =>
      incoming.slackWebhook !== undefined && stored?.slackWebhook !== undefined && incoming.slackWebhook === redactedUrl(stored.slackWebhook)
        ? { ...incoming, slackWebhook: stored.slackWebhook }
        : incoming,
    deleted: (id) => {
      access.deletePassword(id);
      access.deleteSessionsOf(id);
    },
  });
  registerConfigRoutes(app, repo, { kind: 'team', path: '/api/v1/teams', noun: 'Team', tag: 'on-call' });
  const scheduleVisible = (schedule: Schedule, principal: Principal) => canSeeTeam(principal, schedule.team);
  registerConfigRoutes(app, repo, { kind: 'schedule', path: '/api/v1/schedules', noun: 'Schedule', tag: 'on-call', check: checkSchedule, visible: scheduleVisible });

  const scheduleOr404 = (id: string, principal: Principal): Schedule => {
    const schedule = engine.store.notify.get('schedule', id);
    if (!schedule || !scheduleVisible(schedule, principal)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Schedule ${id}`]);
    return schedule;
  };
  const summary = (s: Schedule) => ({ id: s.id, name: s.name, timeZone: s.timeZone });

  app.get(
    '/api/v1/oncall/now',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Who is on call now (or at `at`), per schedule',
        tags: TAGS,
        querystring: OnCallQuerySchema,
        response: { 200: OnCallNowResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const timeMs = request.query.at ?? now();
      const schedules =
        request.query.schedule !== undefined
          ? [scheduleOr404(request.query.schedule, request.principal)]
          : engine.store.notify.list('schedule').filter((schedule) => scheduleVisible(schedule, request.principal));
      return {
        timeMs,
        schedules: schedules.map((schedule) => {
          const shift = onCallAt(schedule, timeMs);
          const user = shift && engine.store.notify.get('user', shift.userId);
          return { schedule: summary(schedule), onCall: shift ? [{ ...shift, ...(user ? { user } : {}) }] : [] };
        }),
      };
    },
  );

  app.get(
    '/api/v1/schedules/:id/shifts',
    {
      config: { permission: 'read' },
      schema: {
        summary: "A schedule's final shifts in a window: layers stacked, overrides applied",
        tags: TAGS,
        params: z.object({ id: z.string().min(1) }),
        querystring: ShiftsQuerySchema,
        response: { 200: ShiftsResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const schedule = scheduleOr404(request.params.id, request.principal);
      const fromMs = request.query.from ?? now();
      const toMs = request.query.to ?? fromMs + 7 * DAY_MS;
      if (toMs <= fromMs) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.to (${toMs}) is not after querystring.from (${fromMs})`]);
      if (toMs - fromMs > MAX_WINDOW_MS) throw new OpsError('OPS_ERR_VALIDATION', [`querystring: the window may span at most 93 days; got ${Math.ceil((toMs - fromMs) / DAY_MS)}`]);
      return { schedule: summary(schedule), fromMs, toMs, shifts: finalShifts(schedule, { fromMs, toMs }) };
    },
  );
};
