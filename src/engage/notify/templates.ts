/**
 * Message templates in liquid (liquidjs), sandboxed: no file access (include and render find
 * nothing), own properties only, unknown filters rejected, and parse, render-time and memory
 * limits so a template cannot stall the notifier. Default templates per channel type; a rule's
 * or channel's template overrides them part by part. Pure apart from the CPU it bounds.
 */
import { Liquid, type Template } from 'liquidjs';
import type { ChannelType, MessageTemplate } from '../../core/notify-api.js';
import type { MessageContext } from './message-context.js';

const liquid = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});

const SUBJECT = '[{{ incident.severity | upcase }}] {{ incident.title }} ({{ event.kind | replace: "_", " " }})';

export const DEFAULT_TEMPLATES: Readonly<Record<ChannelType, Required<MessageTemplate>>> = {
  webhook: { subject: SUBJECT, body: '{{ incident.title }} is {{ incident.status }}: {{ incident.alertCount }} alert(s) on {{ incident.services | join: ", " }}' },
  slack: {
    subject: SUBJECT,
    body: [
      '*<{{ incident.url }}|{{ incident.title }}>* is *{{ incident.status }}* ({{ incident.severity }})',
      '{{ incident.alertCount }} alert(s) on {{ incident.services | join: ", " }}',
      '{% for alert in alerts limit: 5 %}• {{ alert.name }}{% if alert.service != "" %} on {{ alert.service }}{% endif %}: {{ alert.summary }}\n{% endfor %}',
      '{% if incident.causes.size > 0 %}Likely cause: {{ incident.causes[0].service }} ({{ incident.causes[0].indicator }}){% endif %}',
    ].join('\n'),
  },
  email: {
    subject: SUBJECT,
    body: [
      '{{ incident.title }}',
      '',
      'Status:   {{ incident.status }}',
      'Severity: {{ incident.severity }}',
      'Services: {{ incident.services | join: ", " }}',
      'Started:  {{ incident.started }}',
      '{% if escalation %}Escalation: level {{ escalation.level }} of policy {{ escalation.policy }}{% endif %}',
      '',
      'Alerts ({{ incident.alertCount }}):',
      '{% for alert in alerts %}- [{{ alert.status }}] {{ alert.name }}{% if alert.service != "" %} on {{ alert.service }}{% endif %}: {{ alert.summary }}\n{% endfor %}',
      '{% for cause in incident.causes %}Likely cause: {{ cause.service }} ({{ cause.indicator }}, score {{ cause.score | round: 2 }})\n{% endfor %}',
      'Open: {{ incident.url }}',
    ].join('\n'),
  },
};

/** A template that failed to parse or render; `line` is 1-based within `part`. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly part: 'subject' | 'body',
    readonly line: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`template ${part}${line === undefined ? '' : ` line ${line}`}: ${message}`, options);
  }
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

const parsed = new Map<string, Template[]>();
const MAX_CACHED = 500;

/** Parses both parts, throwing TemplateError on the first fault: for validating templates when they are saved. */
export function checkTemplate(template: MessageTemplate): void {
  if (template.subject !== undefined) parseCached('subject', template.subject);
  if (template.body !== undefined) parseCached('body', template.body);
}

/** Renders `overrides` over the channel type's defaults, earlier overrides winning. */
export async function renderMessage(
  channelType: ChannelType,
  context: MessageContext,
  overrides: ReadonlyArray<MessageTemplate | undefined> = [],
): Promise<RenderedMessage> {
  const pick = (part: 'subject' | 'body') => overrides.find((o) => o?.[part] !== undefined)?.[part] ?? DEFAULT_TEMPLATES[channelType][part];
  const subject = await renderPart('subject', pick('subject'), context);
  const body = await renderPart('body', pick('body'), context);
  return { subject: subject.replace(/\s+/g, ' ').trim(), body: body.replace(/\n{3,}/g, '\n\n').trim() };
}

async function renderPart(part: 'subject' | 'body', source: string, context: MessageContext): Promise<string> {
  const templates = parseCached(part, source);
  try {
    return String(await liquid.render(templates, context));
  } catch (error) {
    throw new TemplateError(part, lineOf(error), messageOf(error), { cause: error });
  }
}

function parseCached(part: 'subject' | 'body', source: string): Template[] {
  const cached = parsed.get(source);
  if (cached) return cached;
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    throw new TemplateError(part, lineOf(error), messageOf(error), { cause: error });
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(source, templates);
  return templates;
}

/** liquidjs errors carry the token; its position is [line, column]. */
function lineOf(error: unknown): number | undefined {
  const token: unknown = (error as { token?: unknown }).token;
  if (typeof token === 'object' && token !== null && 'getPosition' in token && typeof token.getPosition === 'function') {
    const position: unknown = token.getPosition();
    if (Array.isArray(position) && typeof position[0] === 'number') return position[0];
  }
  return undefined;
}

/** liquidjs appends ", line:N, col:M" to messages; the line is reported on its own. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, line:\d+, col:\d+$/, '');
}
