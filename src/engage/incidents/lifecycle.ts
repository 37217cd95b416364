/**
 * The incident lifecycle as pure rules: which status changes are legal, what each one stamps on
 * the incident, and when a resolved incident comes back. No store, no clock: the time of the
 * change is passed in.
 *
 *   triggered ──acknowledge──► acknowledged ──resolve──► resolved ──close──► closed
 *       └───────────────resolve──────────────────────────▲   │
 *                     ▲                                      │
 *                     └──────── reopen (an alert of it fires again within the reopen window)
 *
 * A closed incident is final: nothing reopens it, and a new alert opens a new incident. Repeating
 * the action an incident already reflects (acknowledging an acknowledged one) changes nothing,
 * so a double click or a retried request is harmless.
 */
import type { Incident, IncidentStatus } from '../../core/records.js';

export type LifecycleAction = 'acknowledge' | 'resolve' | 'close' | 'reopen';

export type Transition =
  | { kind: 'changed'; incident: Incident; to: IncidentStatus }
  | { kind: 'unchanged' }
  | { kind: 'illegal'; reason: string };


interface Rule {
  /** The status the action leads to. */
  to: IncidentStatus;
  /** Statuses the action applies from. */
  from: readonly IncidentStatus[];
  /** Why the action does not apply from the others. */
  refusal: string;
}

const RULES: Readonly<Record<LifecycleAction, Rule>> = {
  acknowledge: { to: 'acknowledged', from: ['triggered'], refusal: 'only a triggered incident can be acknowledged' },
  resolve: { to: 'resolved', from: ['triggered', 'acknowledged'], refusal: 'a closed incident cannot be resolved again' },
  close: { to: 'closed', from: ['resolved'], refusal: 'resolve it before closing it' },
  reopen: { to: 'triggered', from: ['resolved'], refusal: 'only a resolved incident reopens; a closed one never does' },
};

export interface TransitionOptions {
  /** When the action happens (epoch ms). */
  atMs: number;
  /** resolve: how it was resolved, kept on the incident. */
  resolution?: string;
}

export function transition(incident: Incident, action: LifecycleAction, options: TransitionOptions): Transition {
  const rule = RULES[action];
  if (incident.status === rule.to) return { kind: 'unchanged' };
  if (!rule.from.includes(incident.status)) {
    return { kind: 'illegal', reason: `Incident ${incident.id} is ${incident.status}; ${rule.refusal}` };
  }
  const { atMs } = options;
  const updatedMs = Math.max(incident.updatedMs, atMs);
  const base = { ...incident, status: rule.to, updatedMs };
  switch (action) {
    case 'acknowledge':
      // The first acknowledgement is what MTTA measures; a reopened incident keeps it.
      return { kind: 'changed', to: rule.to, incident: { ...base, acknowledgedMs: incident.acknowledgedMs ?? atMs } };
    case 'resolve':
      return {
        kind: 'changed',
        to: rule.to,
        incident: { ...base, resolvedMs: atMs, ...(options.resolution ? { resolution: options.resolution } : {}) },
      };
    case 'close':
      return { kind: 'changed', to: rule.to, incident: { ...base, closedMs: atMs } };
    case 'reopen': {
      // MTTR measures the final resolution, so the earlier one is dropped with its note.
      const open: Incident = { ...base };
      delete open.resolvedMs;
      delete open.resolution;
      return { kind: 'changed', to: rule.to, incident: open };
    }
  }
}

/**
 * Whether an alert firing at `firingMs` brings back `incident`, which an earlier episode of the
 * alert belonged to. `windowMs` is the correlation window (correlation.windowSeconds): an alert
 * that would have joined the incident had it still been open reopens it; one that fires later is
 * a new incident, so a fault that recurs an hour on is not folded into last hour's story.
 */
export function reopensOnAlert(incident: Incident, firingMs: number, windowMs: number): boolean {
  if (incident.status !== 'resolved' || incident.resolvedMs === undefined) return false;
  return firingMs - incident.resolvedMs <= windowMs;
}

/** The fields a person may set on an incident (PATCH /api/v1/incidents/{id}). */
export interface IncidentEdit {
  title?: string;
  severity?: Incident['severity'];
  priority?: Incident['priority'];
  /** null clears it. */
  assignee?: string | null;
  team?: string | null;
}

const EDITABLE = ['title', 'severity', 'priority', 'assignee', 'team'] as const;

/**
 * Applies an edit; `changes` says in words what changed ("priority P3 → P1"), one per field that
 * did, for the timeline. A closed incident is read-only: edits are illegal, notes are not.
 */
export function editIncident(incident: Incident, edit: IncidentEdit, atMs: number): { incident: Incident; changes: string[] } | { illegal: string } {
  if (incident.status === 'closed') return { illegal: `Incident ${incident.id} is closed; a closed incident's fields are final` };
  const next: Record<string, unknown> = { ...incident };
  const changes: string[] = [];
  for (const field of EDITABLE) {
    const value = edit[field];
    if (value === undefined) continue;
    const before = incident[field];
    if (value === null) {
      if (before === undefined) continue;
      delete next[field];
      changes.push(`${field} ${before} → none`);
    } else if (value !== before) {
      next[field] = value;
      changes.push(`${field} ${before ?? 'none'} → ${value}`);
    }
  }
  if (changes.length === 0) return { incident, changes };
  return { incident: { ...(next as Incident), updatedMs: Math.max(incident.updatedMs, atMs) }, changes };
}
