import { onCallNow, scheduleShifts } from '../notify-api.js';
import { formatAbsolute } from '../format.js';
import { shiftBars } from '../shift-bars.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';

const DAY_MS = 86_400_000;
const AHEAD_DAYS = 7;

/** Schedules: who is on call now in each, and the coming week's shifts as a timeline. */
export function OnCallPage() {
  const poll = usePoll('oncall-now', (signal) => onCallNow(signal), { intervalMs: 30_000 });
  const schedules = poll.data?.schedules;
  return (
    <section>
      <div className="page-head">
        <h1>On call</h1>
        <a href="#/escalation-policies">Escalation policies →</a>
        <a href="#/notifications">Channels and rules →</a>
        <a href="#/users">Users and teams →</a>
      </div>
      {poll.error ? <Notice kind="error" title="Could not load schedules">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading schedules…" /> : null}
      {schedules && schedules.length === 0 ? (
        <Notice kind="empty" title="No schedules yet">Create users and a schedule with POST /api/v1/users and POST /api/v1/schedules (see docs/notifications.md).</Notice>
      ) : null}
      {schedules?.map(({ schedule, onCall }) => {
        const shift = onCall[0];
        return (
          <div key={schedule.id} className="panel oncall-schedule" data-testid="oncall-schedule">
            <h2>
              {schedule.name} <span className="muted">{schedule.timeZone}</span>
            </h2>
            <p data-testid="oncall-now">
              {shift ? (
                <>
                  On call now: <strong data-testid="oncall-person">{shift.user?.name ?? shift.userId}</strong>
                  {shift.user?.email ? <span className="muted"> · {shift.user.email}</span> : null}
                  <span className="muted"> · until {formatAbsolute(shift.endMs)}</span>
                </>
              ) : (
                <span className="muted">Nobody is on call now.</span>
              )}
            </p>
            {poll.data ? <ShiftTimeline scheduleId={schedule.id} fromMs={poll.data.timeMs} /> : null}
          </div>
        );
      })}
    </section>
  );
}

function ShiftTimeline({ scheduleId, fromMs }: { scheduleId: string; fromMs: number }) {
  // Whole hours keep the poll key stable between the 30 s refreshes of the page.
  const from = Math.floor(fromMs / 3_600_000) * 3_600_000;
  const to = from + AHEAD_DAYS * DAY_MS;
  const poll = usePoll(`shifts:${scheduleId}:${from}`, (signal) => scheduleShifts(scheduleId, from, to, signal), { intervalMs: 60_000 });
  if (poll.error) return <Notice kind="error" title="Could not load shifts">{poll.error.message}</Notice>;
  const shifts = poll.data?.shifts ?? [];
  const bars = shiftBars(shifts, from, to);
  return (
    <div>
      <div className="shift-track" role="img" aria-label={`Shifts of the next ${AHEAD_DAYS} days`}>
        {bars.map((bar, index) => (
          <div
            key={index}
            className="shift-bar"
            style={{ left: `${bar.leftPct}%`, width: `${bar.widthPct}%`, background: `hsl(${bar.hue} 60% 80%)` }}
            title={`${bar.userId}: ${formatAbsolute(shifts[index]?.startMs ?? 0)} → ${formatAbsolute(shifts[index]?.endMs ?? 0)}`}
          >
            {bar.widthPct > 6 ? bar.userId : ''}
          </div>
        ))}
      </div>
      <table className="table compact" data-testid="upcoming-shifts">
        <thead>
          <tr>
            <th>Who</th>
            <th>From</th>
            <th>To</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {shifts.slice(0, 14).map((shift) => (
            <tr key={`${shift.startMs}-${shift.userId}`}>
              <td>{shift.userId}</td>
              <td>{formatAbsolute(shift.startMs)}</td>
              <td>{formatAbsolute(shift.endMs)}</td>
              <td className="muted">{shift.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
