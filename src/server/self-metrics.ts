/**
 * opsloop's own Prometheus metrics: a few counters kept in memory and rendered in the text
 * exposition format (https://prometheus.io/docs/instrumenting/exposition_formats/). Small
 * enough that a client library would cost more than it saves.
 */

type LabelSet = Readonly<Record<string, string>>;

class Counter {
  private readonly values = new Map<string, { labels: LabelSet; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: LabelSet, by = 1): void {
    const key = JSON.stringify(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${formatLabels(labels)} ${value}`);
    return lines.join('\n');
  }
}

/** A metric read at scrape time; `type: 'counter'` for totals kept elsewhere (e.g. by the loop). */
export interface Gauge {
  name: string;
  help: string;
  type?: 'gauge' | 'counter';
  samples: Array<{ labels: LabelSet; value: number }>;
}

export class SelfMetrics {
  readonly httpRequests = new Counter('opsloop_http_requests_total', 'HTTP requests answered by the API server, by route and status.');
  readonly signalsAccepted = new Counter('opsloop_signals_accepted_total', 'Signals accepted from alert and event receivers, by source.');
  readonly changesAccepted = new Counter('opsloop_changes_accepted_total', 'Changes (deploys, config changes) accepted through the API.');

  /** `route` is the route pattern, never the raw URL, so label cardinality stays bounded. */
  countRequest(method: string, route: string, status: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
  }

  render(gauges: readonly Gauge[] = []): string {
    const blocks = [this.httpRequests.render(), this.signalsAccepted.render(), this.changesAccepted.render()];
    for (const gauge of gauges) {
      const lines = [`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} ${gauge.type ?? 'gauge'}`];
      for (const sample of gauge.samples) lines.push(`${gauge.name}${formatLabels(sample.labels)} ${sample.value}`);
      blocks.push(lines.join('\n'));
    }
    return `${blocks.join('\n')}\n`;
  }
}

function formatLabels(labels: LabelSet): string {
  const names = Object.keys(labels);
  if (names.length === 0) return '';
  return `{${names.map((name) => `${name}="${escapeLabelValue(labels[name] ?? '')}"`).join(',')}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
