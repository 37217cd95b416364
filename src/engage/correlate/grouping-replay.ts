/**
 * Replays recorded alerts through the same deduplication and correlation the live desk runs
 * (engage/alerts fold, Correlator), offline: `opsloop replay` and bench:correlate. Incidents
 * that stay quiet for `quietMs` close as the live loop's auto-resolve closes them. Recorded
 * merges and splits, when applied, move alerts and teach the model exactly as the API's do.
 * Pure: lines in, grouping and metrics out; ids are counters, so a replay is reproducible.
 */
import type { CorrelationRule } from '../../core/config.js';
import type { Alert, GroupingFeedback } from '../../core/records.js';
import { isFeedback, isTopology, replayFingerprint, type ReplayAlert, type ReplayFeedback, type ReplayLine } from '../../core/replay-record.js';
import { ServiceGraph } from '../../core/service-graph.js';
import { foldSignal } from '../alerts/fold-signals.js';
import { Correlator } from './correlator.js';
import { mergeExamples, splitExamples } from './feedback-examples.js';
import { GroupingModel, type GroupingModelState } from './grouping-model.js';
import { groupingMetrics, type GroupingMetrics } from './grouping-metrics.js';
import { GroupingRules } from './grouping-rules.js';

export interface GroupingReplayOptions {
  windowMs: number;
  maxDistance: number;
  quietMs: number;
  threshold: number;
  volatileLabels: readonly string[];
  rules: readonly CorrelationRule[];
  /** Service-graph edges known from the start; topology lines add more. */
  edges?: ReadonlyArray<{ caller: string; callee: string }>;
  /** Apply the recorded merges and splits (else they are counted and skipped). */
  applyFeedback: boolean;
  /** Start from learned weights instead of the defaults. */
  model?: GroupingModelState;
}

export interface ReplayedAlert extends Alert {
  incidentId: string;
  trueLabel?: string;
}

export interface GroupingReplayResult {
  metrics: GroupingMetrics;
  alerts: ReplayedAlert[];
  feedback: { recorded: number; applied: number; examples: GroupingFeedback[] };
  model: GroupingModelState;
}

/** How far event time must move before quiet incidents are closed (the live loop's step). */
const CLOSE_STEP_MS = 5_000;

export class GroupingReplay {
  private readonly correlator: Correlator;
  private readonly current = new Map<string, ReplayedAlert>();
  private readonly all: ReplayedAlert[] = [];
  private readonly examples: GroupingFeedback[] = [];
  private events = 0;
  private recorded = 0;
  private applied = 0;
  private nextAlert = 0;
  private nextIncident = 0;
  private lastCloseMs = Number.NEGATIVE_INFINITY;
  private readonly edges: Array<{ caller: string; callee: string }>;
  private graph: ServiceGraph;

  constructor(private readonly options: GroupingReplayOptions) {
    this.edges = [...(options.edges ?? [])];
    this.graph = new ServiceGraph(this.edges);
    this.correlator = new Correlator({
      windowMs: options.windowMs,
      maxDistance: options.maxDistance,
      volatileLabels: options.volatileLabels,
      rules: new GroupingRules(options.rules),
      model: new GroupingModel(options.threshold, options.model),
    });
  }

  push(line: ReplayLine): void {
    this.closeQuiet(line.time);
    if (isFeedback(line)) this.feedback(line);
    else if (isTopology(line)) {
      this.edges.push(...line.edges);
      this.graph = new ServiceGraph(this.edges);
    } else this.alert(line);
  }

  result(): GroupingReplayResult {
    return {
      metrics: groupingMetrics(this.all.map((a) => ({ incidentId: a.incidentId, ...(a.trueLabel ? { label: a.trueLabel } : {}) })), this.events),
      alerts: this.all,
      feedback: { recorded: this.recorded, applied: this.applied, examples: this.examples },
      model: this.correlator.model.state(),
    };
  }

  private alert(line: ReplayAlert): void {
    if (line.status === 'firing') this.events++;
    const fingerprint = replayFingerprint(line);
    const folded = foldSignal(
      this.current.get(fingerprint),
      {
        kind: 'alert',
        source: line.source,
        fingerprint,
        name: line.name,
        status: line.status,
        severity: line.severity,
        timeMs: line.time,
        summary: line.summary,
        labels: line.labels,
        ...(line.service ? { service: line.service } : {}),
      },
      () => `alr_${++this.nextAlert}`,
    );
    if (!folded) return;
    if (folded.change !== 'opened') {
      const previous = this.current.get(fingerprint) as ReplayedAlert;
      Object.assign(previous, folded.alert);
      this.correlator.touch(previous);
      return;
    }
    const correlation = this.correlator.place(folded.alert, this.graph, () => `inc_${++this.nextIncident}`);
    const alert: ReplayedAlert = { ...folded.alert, incidentId: correlation.incidentId, correlation, ...(line.label ? { trueLabel: line.label } : {}) };
    this.current.set(fingerprint, alert);
    this.all.push(alert);
  }

  private feedback(line: ReplayFeedback): void {
    this.recorded++;
    if (!this.options.applyFeedback) return;
    const alerts = line.alerts.map((fingerprint) => this.current.get(fingerprint));
    if (alerts.some((a) => a === undefined)) return;
    const found = alerts as ReplayedAlert[];
    const meta = { by: line.by, timeMs: line.time };
    if (line.feedback === 'merge') {
      const sourceId = (found[0] as ReplayedAlert).incidentId;
      const intoId = (found[found.length - 1] as ReplayedAlert).incidentId;
      if (sourceId === intoId) return;
      const moving = this.all.filter((a) => a.incidentId === sourceId);
      this.learn(mergeExamples(moving, intoId, (a) => this.correlator.featuresAgainst(a, intoId, this.graph), meta));
      this.correlator.forget(sourceId);
      this.move(moving, intoId);
    } else {
      const sourceId = (found[0] as ReplayedAlert).incidentId;
      if (found.some((a) => a.incidentId !== sourceId)) return;
      const staying = this.all.filter((a) => a.incidentId === sourceId && !found.includes(a));
      if (staying.length === 0) return;
      this.learn(splitExamples(found, sourceId, meta));
      this.correlator.forget(sourceId);
      this.move(staying, sourceId);
      this.move(found, `inc_${++this.nextIncident}`);
    }
    this.applied++;
  }

  private move(alerts: readonly ReplayedAlert[], incidentId: string): void {
    for (const alert of alerts) {
      alert.incidentId = incidentId;
      this.correlator.assign(incidentId, alert, { countWords: false });
    }
  }

  private learn(examples: readonly GroupingFeedback[]): void {
    for (const example of examples) this.correlator.model.learn(example.features, example.joined);
    this.examples.push(...examples);
  }

  private closeQuiet(timeMs: number): void {
    if (timeMs - this.lastCloseMs < CLOSE_STEP_MS) return;
    this.lastCloseMs = timeMs;
    for (const { incidentId, lastActivityMs } of this.correlator.quietIncidents()) {
      if (timeMs >= lastActivityMs + this.options.quietMs) this.correlator.forget(incidentId);
    }
  }
}
