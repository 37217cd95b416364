/**
 * What people do to incidents: acknowledge, resolve, close, edit fields, write notes and status
 * updates, link problems. Each action is checked by the pure rules of lifecycle.ts, stored, and
 * written on the timeline with who did it, in one transaction.
 */
import { OpsError } from '../../core/errors.js';
import type { Alert, Incident, TimelineEntry, TimelineKind } from '../../core/records.js';
import type { Store } from '../../store/store.js';
import { editIncident, reopensOnAlert, transition, type IncidentEdit, type LifecycleAction } from './lifecycle.js';

/** Who acted and when (epoch ms; wall clock for people). */
export interface Actor {
  by: string;
  atMs: number;
}

export class IncidentActions {
  constructor(private readonly store: Store) {}

  acknowledge(incidentId: string, actor: Actor): Incident {
    return this.move(incidentId, 'acknowledge', actor);
  }

  resolve(incidentId: string, actor: Actor, resolution?: string): Incident {
    return this.move(incidentId, 'resolve', actor, resolution);
  }

  close(incidentId: string, actor: Actor): Incident {
    return this.move(incidentId, 'close', actor);
  }

  edit(incidentId: string, edit: IncidentEdit, actor: Actor): Incident {
    return this.store.transaction(() => {
      const incident = this.incident(incidentId);
      const result = editIncident(incident, edit, actor.atMs);
      if ('illegal' in result) throw new OpsError('OPS_ERR_CONFLICT', [result.illegal]);
      if (result.changes.length === 0) return incident;
      const titled = result.incident.title !== incident.title;
      const updated = titled ? { ...result.incident, titleSetBy: actor.by } : result.incident;
      this.store.incidents.save(updated);
      for (const change of result.changes) this.append(incidentId, 'field', change, actor);
      return updated;
    });
  }

  /** A note is for responders; a status update is the public-facing text (what a status page would say). */
  write(incidentId: string, kind: 'note' | 'status_update', text: string, actor: Actor): TimelineEntry {
    return this.store.transaction(() => {
      this.incident(incidentId);
      return this.append(incidentId, kind, text, actor);
    });
  }

  /** Links an incident to a problem (moving it from another one), on the incident's timeline. */
  linkProblem(problemId: string, incidentId: string, actor: Actor): void {
    this.store.transaction(() => {
      this.incident(incidentId);
      const problem = this.store.problems.get(problemId);
      if (!problem) throw new OpsError('OPS_ERR_NOT_FOUND', [`Problem ${problemId}`]);
      if (problem.incidentIds.includes(incidentId)) return;
      this.store.problems.link(problemId, incidentId, actor.atMs);
      this.append(incidentId, 'problem', `linked to problem ${problem.id}: ${problem.title}`, actor);
    });
  }

  unlinkProblem(problemId: string, incidentId: string, actor: Actor): void {
    this.store.transaction(() => {
      if (!this.store.problems.get(problemId)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Problem ${problemId}`]);
      if (!this.store.problems.unlink(problemId, incidentId)) {
        throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId} in problem ${problemId}`]);
      }
      this.append(incidentId, 'problem', `unlinked from problem ${problemId}`, actor);
    });
  }

  private move(incidentId: string, action: LifecycleAction, actor: Actor, resolution?: string): Incident {
    return this.store.transaction(() => {
      const incident = this.incident(incidentId);
      const result = transition(incident, action, { atMs: actor.atMs, ...(resolution ? { resolution } : {}) });
      if (result.kind === 'illegal') throw new OpsError('OPS_ERR_CONFLICT', [result.reason]);
      if (result.kind === 'unchanged') return incident;
      this.store.incidents.save(result.incident);
      this.append(incidentId, 'status', `${result.to} by ${actor.by}${resolution ? `: ${resolution}` : ''}`, actor);
      return result.incident;
    });
  }

  private incident(incidentId: string): Incident {
    const incident = this.store.incidents.get(incidentId);
    if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId}`]);
    return incident;
  }

  private append(incidentId: string, kind: TimelineKind, message: string, actor: Actor): TimelineEntry {
    const entry: TimelineEntry = { incidentId, timeMs: actor.atMs, kind, message, by: actor.by };
    this.store.incidents.appendTimeline(entry);
    return entry;
  }
}

/**
 * When `previous` (the last episode of a fingerprint that fires again) belonged to a resolved
 * incident that may still reopen (within `windowMs` of its resolution), reopens it and returns
 * its id; the new episode joins it. Call inside the caller's transaction.
 */
export function reopenForAlert(store: Store, previous: Alert | undefined, firing: Alert, windowMs: number): string | undefined {
  if (!previous?.incidentId) return undefined;
  const incident = store.incidents.get(previous.incidentId);
  if (!incident || !reopensOnAlert(incident, firing.startsMs, windowMs)) return undefined;
  const result = transition(incident, 'reopen', { atMs: firing.startsMs });
  if (result.kind !== 'changed') return undefined;
  store.incidents.save(result.incident);
  store.incidents.appendTimeline({
    incidentId: incident.id,
    timeMs: firing.startsMs,
    kind: 'status',
    message: `reopened: ${firing.name}${firing.service ? ` on ${firing.service}` : ''} fired again`,
  });
  return incident.id;
}
