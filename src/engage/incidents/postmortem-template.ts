/**
 * The postmortem draft: a markdown template (Liquid) filled from the incident, its timeline and
 * its ranked causes. The engine is sandboxed: an in-memory template map (no file system for
 * include/render), own properties only, unknown filters rejected, and parse, render-time and
 * memory limits so a template, ours or a configured one, cannot hang or exhaust the server.
 */
import { Liquid } from 'liquidjs';
import type { Cause, Change, Incident, TimelineEntry } from '../../core/records.js';

export const DEFAULT_POSTMORTEM_TEMPLATE = `# Postmortem: {{ incident.title }}

| | |
|---|---|
| Incident | {{ incident.id }} |
| Severity | {{ incident.severity }}{% if incident.priority %} · {{ incident.priority }}{% endif %} |
| Services | {{ services }} |
| Started | {{ started }} |
| Resolved | {{ resolved }} |
| Duration | {{ duration }} |
| Owner | {{ incident.assignee | default: "—" }}{% if incident.team %} ({{ incident.team }}){% endif %} |

## Summary

_What happened, in two or three sentences._{% if incident.resolution %}

Resolution: {{ incident.resolution }}{% endif %}

## Impact

_Who and what was affected, for how long, and how badly._
{% for update in statusUpdates %}
- {{ update.time }}: {{ update.message }}{% endfor %}

## Timeline (UTC)
{% for entry in timeline %}
- {{ entry.time }} · {{ entry.kind }}{% if entry.by %} · {{ entry.by }}{% endif %} — {{ entry.message }}{% endfor %}

{% if changes.size > 0 %}
Changes near it (its services and their neighbours, from 30 min before the start):
{% for change in changes %}
- {{ change.time }} · {{ change.kind }} of {{ change.service }}{% if change.version %} {{ change.version }}{% endif %}{% if change.description != "" %}: {{ change.description }}{% endif %}{% endfor %}
{% endif %}
## Root cause
{% if causes.size > 0 %}
Ranked by opsloop's root-cause analysis:
{% for cause in causes %}
{{ forloop.index }}. **{{ cause.service }}{% if cause.instance %} ({{ cause.instance }}){% endif %}** — {{ cause.indicator }}, score {{ cause.score }}: {{ cause.evidence }}{% endfor %}
{% else %}
_No cause was ranked; describe the root cause here._
{% endif %}
## Action items

- [ ] _Action, owner, due date_
`;

export interface PostmortemContext {
  incident: Incident;
  timeline: readonly TimelineEntry[];
  /** Deploys and config changes near the incident, including those before it started. */
  changes?: readonly Change[];
}

/** Bounds well above what a postmortem needs (a template of 100 kB, a second to render). */
const LIMITS = { parseLimit: 100_000, renderLimit: 1_000, memoryLimit: 10_000_000 };

const engine = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  ...LIMITS,
});

export function renderPostmortem(context: PostmortemContext, template: string = DEFAULT_POSTMORTEM_TEMPLATE): string {
  const { incident } = context;
  const timeline = [...context.timeline].sort((a, b) => a.timeMs - b.timeMs);
  const end = incident.resolvedMs;
  return engine.parseAndRenderSync(template, {
    incident,
    services: incident.services.join(', ') || '—',
    started: iso(incident.startedMs),
    resolved: end === undefined ? 'not yet' : iso(end),
    duration: end === undefined ? 'ongoing' : humanDuration(end - incident.startedMs),
    timeline: timeline.map((entry) => ({ ...entry, time: iso(entry.timeMs) })),
    statusUpdates: timeline.filter((entry) => entry.kind === 'status_update').map((entry) => ({ ...entry, time: iso(entry.timeMs) })),
    causes: incident.causes.map((cause: Cause) => ({ ...cause, score: cause.score.toFixed(2) })),
    changes: (context.changes ?? []).map((change) => ({ ...change, time: iso(change.timeMs) })),
  });
}

function iso(ms: number): string {
  // To the second: a postmortem reads better without milliseconds.
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function humanDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}
