/**
 * The variables a notification is built from: the same object feeds the liquid templates and
 * the CEL rules, so what a rule can test is what a message can show. Pure.
 */
import type { IncidentEventKind } from '../../core/notify-api.js';
import type { Alert, Incident } from '../../core/records.js';
import type { MatchContext } from './label-matcher.js';

/** Alerts listed in a message; a storm's hundredth alert adds nothing a person reads. */
const MAX_ALERTS = 20;

export interface MessageContext {
  event: { kind: IncidentEventKind; time: string; timeMs: number };
  incident: {
    id: string;
    title: string;
    status: string;
    severity: string;
    services: string[];
    started: string;
    startedMs: number;
    alertCount: number;
    firingCount: number;
    url: string;
    causes: Array<{ service: string; indicator: string; score: number }>;
  };
  /** Labels of the incident's alerts merged (the first alert to set a label wins). */
  labels: Record<string, string>;
  alerts: Array<{ name: string; service: string; severity: string; status: string; summary: string; labels: Record<string, string> }>;
  /** Set by escalations: which level is paging. */
  escalation?: { policy: string; level: number; round: number };
}

export interface ContextOptions {
  event: IncidentEventKind;
  nowMs: number;
  /** Base URL of the UI, for links; incidents live at #/incidents/{id}. */
  uiUrl: string;
}

export function messageContext(incident: Incident, alerts: readonly Alert[], options: ContextOptions): MessageContext {
  const labels: Record<string, string> = {};
  for (const alert of alerts) {
    for (const [name, value] of Object.entries(alert.labels)) if (!(name in labels)) labels[name] = value;
  }
  return {
    event: { kind: options.event, time: new Date(options.nowMs).toISOString(), timeMs: options.nowMs },
    incident: {
      id: incident.id,
      title: incident.title,
      status: incident.status,
      severity: incident.severity,
      services: [...incident.services],
      started: new Date(incident.startedMs).toISOString(),
      startedMs: incident.startedMs,
      alertCount: incident.alertIds.length,
      firingCount: alerts.filter((a) => a.status === 'firing').length,
      url: `${options.uiUrl.replace(/\/$/, '')}/#/incidents/${encodeURIComponent(incident.id)}`,
      causes: incident.causes.slice(0, 3).map((c) => ({ service: c.service, indicator: c.indicator, score: c.score })),
    },
    labels,
    alerts: alerts.slice(0, MAX_ALERTS).map((a) => ({
      name: a.name,
      service: a.service ?? '',
      severity: a.severity,
      status: a.status,
      summary: a.summary,
      labels: { ...a.labels },
    })),
  };
}

/** Label values for matchers: the merged alert labels plus service (every one), severity, status and title. */
export function matchLabels(context: MessageContext): MatchContext {
  return {
    ...context.labels,
    service: context.incident.services,
    severity: context.incident.severity,
    status: context.incident.status,
    title: context.incident.title,
    event: context.event.kind,
  };
}
