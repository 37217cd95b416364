/**
 * The running loop: telemetry in → observe (RED from spans, service graph, detectors) →
 * engage (alerts, incidents) → act (root-cause ranking), wired over the bus and the store.
 * This is the composition root of the analytics; the HTTP edges reach it through Engine.
 */
import type { Logger } from 'pino';
import { MemoryBus } from '../bus/memory/memory-bus.js';
import type { Bus } from '../bus/bus.js';
import type { DemoControl } from '../demo/index.js';
import type { Config } from '../core/config.js';
import type { Alert, Change, Incident, MetricPoint, ServiceEdge, Signal } from '../core/records.js';
import { ServiceGraph } from '../core/service-graph.js';
import { IncidentActions } from '../engage/incidents/incident-actions.js';
import { IncidentDesk } from '../engage/incidents/incident-desk.js';
import type { SignalSink } from '../ingest/sink.js';
import { LogSignals, logSignalSettings } from '../observe/logs/signals/index.js';
import { DetectorBank } from '../observe/metrics/detector-bank.js';
import { SilenceDetector } from '../observe/silence/silence-detector.js';
import { ERROR_TYPE_KEYS } from '../observe/traces/anomalies/error-type.js';
import { RedAggregator } from '../observe/traces/red-aggregator.js';
import { ServiceGraphBuilder } from '../observe/traces/service-graph.js';
import type { Store } from '../store/store.js';
import { applyRca } from './apply-rca.js';
import { dueReevaluations } from '../engage/alerts/due-reevaluations.js';
import type { FlapOptions } from '../engage/alerts/flap-detection.js';
import { applyEarlyResolves, forgetEarlyResolves } from './early-resolve-gate.js';
import { RecentSignals } from './recent-signals.js';
import { SilenceBook } from './silence-book.js';
import { previewSilence } from './silence-preview.js';
import { restoreDetectors, saveDetectors } from './detector-persistence.js';
import type { Engine } from './engine.js';
import { LogMining } from './logs/log-mining.js';
import { runLogSignals } from './logs/log-signal-stage.js';
import { minerSnapshotsIn } from './logs/miner-persistence.js';
import { Notifier } from './notify/notifier.js';
import { ServiceMiners } from './logs/service-miners.js';
import { createTelemetrySink } from './telemetry-sink.js';
import { runTraceAnomalies } from './trace-anomalies.js';
import { rankWindow } from './window-rca.js';
import { weeklyReports } from './reports/weekly-reports.js';
import { capacityForecasts } from './capacity/capacity-forecasts.js';
import { CapacityWatch } from './capacity/capacity-watch.js';
import { rightsizingReport } from './capacity/rightsizing-report.js';
import { FindingsDesk } from './vulns/findings-desk.js';
import { loadConfiguredIntel } from './vulns/threat-intel-files.js';
import { createRunbooks, type RunbooksOptions } from './runbooks/runbooks.js';

export interface LoopOptions {
  config: Config;
  store: Store;
  logger?: Pick<Logger, 'error' | 'warn' | 'info'>;
  /** Wall clock for human actions and retention; analysis runs on event time only. */
  now?: () => number;
  /** Tests: the runbook clock, channel senders and verify polling. */
  runbooks?: Pick<RunbooksOptions, 'clock' | 'senders' | 'verifyPollMs'>;
  /** Log template miners kept in memory (one per service); others wait in the store. @default 100 */
  liveLogMiners?: number;
}

export interface Loop extends Engine {
  readonly bus: Bus;
  /**
   * The span attributes the analysis of telemetry.spans reads (trace anomalies' error type):
   * a receiver may leave the others out of SpanRecord.attributes when the span keeps them in
   * its stored bytes (OtlpIngestorOptions.spanAttributes).
   */
  readonly spanAttributesRead: ReadonlySet<string>;
  /** Lets the demo, when it runs in this process, publish what it injected and take remediations. */
  setDemo(demo: DemoControl): void;
}

/** How far event time must advance before open incidents are checked for auto-resolution. */
const AUTO_RESOLVE_STEP_MS = 5_000;
const RETENTION_SWEEP_MS = 10 * 60_000;
/** Wall clock between detector and log miner snapshots: a crash loses at most this much learning. */
const SNAPSHOT_MS = 5 * 60_000;
/** A miner holds up to 10,000 templates; most services need far fewer, so this bounds memory loosely. */
const LIVE_LOG_MINERS = 100;
/** Wall clock between checks whether the weekly report is due. */
const REPORT_CHECK_MS = 60_000;
/** Signals kept for silence previews. */
const RECENT_SIGNALS = 1000;
/** Alert sources that are the loop's own analysis of telemetry (detectors, trace and log anomalies). */
const TELEMETRY_SOURCES: ReadonlySet<string> = new Set(['detector', 'traces', 'logs']);
/** Wall clock without telemetry after which its alerts age on the wall clock rather than event time. */
const TELEMETRY_IDLE_MS = 5 * 60_000;

export function createLoop(options: LoopOptions): Loop {
  const { config, store } = options;
  const now = options.now ?? (() => Date.now());
  const bus = new MemoryBus({
    onError: (topic, error) => options.logger?.error({ err: error, topic }, 'stage failed on a message'),
  });
  const red = new RedAggregator(config.traces.bucketSeconds * 1000);
  const graphBuilder = new ServiceGraphBuilder();
  const detectors = new DetectorBank(config.detector);
  restoreDetectors(store, detectors, options.logger);
  const miners = new ServiceMiners({
    snapshots: minerSnapshotsIn(store, now),
    maxLive: options.liveLogMiners ?? LIVE_LOG_MINERS,
    onSnapshotError: (service, error) => options.logger?.warn({ err: error, service }, 'log miner snapshot not loaded or saved (a miner that cannot load starts afresh)'),
  });
  const logMining = new LogMining(miners);
  const silence = new SilenceDetector({ minSilenceMs: config.detector.silenceSeconds * 1000 });
  const capacity = new CapacityWatch(store, config.capacity);
  const edges = new Map<string, ServiceEdge>(store.topology.edges().map((e) => [`${e.caller}\u0000${e.callee}`, e]));
  let graph = new ServiceGraph([...edges.values()]);
  let watermarkMs = Number.NEGATIVE_INFINITY;
  let lastTelemetryWallMs = Number.NEGATIVE_INFINITY;
  let lastAutoResolveMs = Number.NEGATIVE_INFINITY;
  let demo: DemoControl | undefined;

  const silenceBook = new SilenceBook(store, now);
  const recentSignals = new RecentSignals(RECENT_SIGNALS);
  const silencedBy = (alert: Alert, timeMs: number) => silenceBook.muting(alert, timeMs);
  const desk = new IncidentDesk({
    store,
    graph: () => graph,
    windowMs: config.correlation.windowSeconds * 1000,
    maxDistance: config.correlation.maxGraphDistance,
    quietMs: config.correlation.quietSeconds * 1000,
    alerts: { flap: flapOptions(config), silencedBy },
    threshold: config.correlation.threshold,
    volatileLabels: config.correlation.volatileLabels,
    rules: config.correlation.rules,
  });
  /** Every signal reaches the desk here, so a silence preview sees what arrived. */
  const engage = (incoming: readonly Signal[]): string[] => {
    recentSignals.add(incoming);
    return desk.onSignals(incoming);
  };
  const earlyResolveWindow = () => ({ nowMs: now(), windowMs: config.alerts.earlyResolveWindowSeconds * 1000 });
  const resolveAfterMs = Object.fromEntries(Object.entries(config.alerts.resolveAfterSeconds).map(([source, s]) => [source, s * 1000]));
  const sweepAlerts = () => {
    const wallMs = now();
    // Once telemetry has stopped arriving, its event time stands still: age on the wall clock.
    const eventNowMs = wallMs - lastTelemetryWallMs >= TELEMETRY_IDLE_MS ? wallMs : watermarkMs;
    const eventTime = { sources: TELEMETRY_SOURCES, nowMs: eventNowMs };
    const due = dueReevaluations(store.alerts.list({ status: 'firing' }), { nowMs: wallMs, resolveAfterMs, silencedBy, eventTime });
    if (due.length > 0) publishIncidents(desk.onSignals(due));
    forgetEarlyResolves(store, earlyResolveWindow());
  };

  /** Raw telemetry only: who reported when (each service's newest time), which moves the event-time watermark. */
  const noteReports = (latestByService: ReadonlyMap<string, number>) => {
    lastTelemetryWallMs = now();
    const signals: Signal[] = [];
    let latest = Number.NEGATIVE_INFINITY;
    for (const [service, timeMs] of latestByService) {
      signals.push(...silence.seen(service, timeMs));
      latest = Math.max(latest, timeMs);
    }
    if (latest > watermarkMs) {
      watermarkMs = latest;
      signals.push(...silence.advance(watermarkMs));
      signals.push(...evaluateCapacity(watermarkMs));
    }
    if (signals.length > 0) bus.publish('signals', signals);
    if (watermarkMs - lastAutoResolveMs >= AUTO_RESOLVE_STEP_MS) {
      lastAutoResolveMs = watermarkMs;
      const resolved = desk.autoResolve(watermarkMs);
      if (resolved.length > 0) publishIncidents(resolved);
    }
  };

  /** A failed capacity run must not stop telemetry: it is logged and retried at the next period. */
  const evaluateCapacity = (atMs: number): Signal[] => {
    try {
      return capacity.advance(atMs);
    } catch (error) {
      options.logger?.warn({ err: error }, 'capacity evaluation failed');
      return [];
    }
  };

  const publishIncidents = (ids: readonly string[]) => {
    const incidents = ids.map((id) => store.incidents.get(id)).filter((i): i is Incident => i !== undefined);
    if (incidents.length > 0) bus.publish('incidents.changed', incidents);
  };

  /**
   * RED points and new edges go to the span writer thread when there is one, behind the spans
   * they came from: written here, the main thread would wait for the thread's write lock. A
   * failed write loses derived points only (the spans are stored), so it is logged, not raised.
   */
  const analysisWrites = new Set<Promise<void>>();
  const keepAnalysis = (points: MetricPoint[], newEdges: ServiceEdge[]) => {
    const writer = store.spanWriter;
    if (!writer) {
      store.transaction(() => {
        if (newEdges.length > 0) store.topology.saveEdges(newEdges);
        if (points.length > 0) store.telemetry.insertMetricPoints(points);
      });
      return;
    }
    const written = writer
      .writeAnalysis({ points, edges: newEdges })
      .catch((error: unknown) => options.logger?.error({ err: error }, 'RED points and edges derived from spans were not stored'))
      .finally(() => analysisWrites.delete(written));
    analysisWrites.add(written);
  };

  bus.subscribe('telemetry.spans', (spans) => {
    const newEdges = graphBuilder.add(spans).filter((edge) => {
      const key = `${edge.caller}\u0000${edge.callee}`;
      const known = edges.get(key);
      edges.set(key, edge);
      return !known || edge.lastSeenMs - known.lastSeenMs > 60_000;
    });
    const derived = red.add(spans);
    if (newEdges.length > 0 || derived.length > 0) keepAnalysis(derived, newEdges);
    if (newEdges.length > 0) graph = new ServiceGraph([...edges.values()]);
    if (derived.length > 0) bus.publish('metrics.derived', derived);
    noteReports(newestByService(spans, (span) => span.startMs));
  });

  const detect = (points: readonly MetricPoint[]) => {
    const signals = detectors.observe(points);
    if (signals.length > 0) bus.publish('signals', signals);
  };
  bus.subscribe('metrics.derived', detect);
  bus.subscribe('telemetry.metrics', (points) => {
    detect(points);
    noteReports(newestByService(points, (point) => point.timeMs));
  });
  bus.subscribe('telemetry.logs', (logs) => noteReports(newestByService(logs, (log) => log.timeMs)));
  // Log count series share the detector bank: one model, one persistence, one set of sensitivity rules.
  runLogSignals(bus, store, new LogSignals(logSignalSettings(config.logs.signals), detectors));

  // Latency outliers per operation, new error types, new calls and fan-out changes, from spans.
  const traceAnomalies = runTraceAnomalies(bus, store, options.logger);

  bus.subscribe('signals', (signals) => {
    publishIncidents(engage(signals));
  });

  bus.subscribe('changes', (changes) => {
    publishIncidents(desk.onChanges(changes));
    const signals = capacity.onChanges(changes, watermarkMs);
    if (signals.length > 0) bus.publish('signals', signals);
  });

  const uiUrl = config.notifications.publicUrl ?? `http://${config.api.host}:${config.api.port}`;
  const notifier = new Notifier({
    store,
    now,
    uiUrl,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  bus.subscribe('incidents.changed', (incidents) => notifier.onIncidents(incidents));
  const escalations = setInterval(() => {
    try {
      notifier.tick();
    } catch (error) {
      options.logger?.warn({ err: error }, 'escalation tick failed');
    }
  }, config.notifications.escalationTickSeconds * 1000);
  escalations.unref();

  bus.subscribe('incidents.changed', (incidents) => {
    for (const incident of incidents) {
      if (incident.status === 'triggered' || incident.status === 'acknowledged') applyRca(store, graph, incident.id);
    }
  });

  const telemetry = createTelemetrySink(store, bus, { maxBacklog: config.ingest.maxBacklog, maxSpanWrites: config.ingest.maxSpanWrites, logMining });

  const signals: SignalSink = {
    acceptSignals(incoming: readonly Signal[]) {
      // Folded into alerts and incidents before the receiver answers, so a 2xx means stored.
      if (incoming.length === 0) return;
      recentSignals.add(incoming);
      const kept = applyEarlyResolves(store, incoming, earlyResolveWindow());
      if (kept.length > 0) publishIncidents(desk.onSignals(kept));
    },
    acceptChanges(changes: readonly Change[]) {
      // Stored before publishing so a 201 means durable, like telemetry.
      store.transaction(() => {
        for (const change of changes) store.changes.save(change);
      });
      if (changes.length > 0) bus.publish('changes', changes);
    },
  };

  const retention = setInterval(() => {
    try {
      store.telemetry.pruneBefore(now() - config.retention.telemetryHours * 3_600_000);
    } catch (error) {
      options.logger?.warn({ err: error }, 'retention sweep failed');
    }
  }, RETENTION_SWEEP_MS);
  retention.unref();

  const sweep = () => {
    try {
      sweepAlerts();
    } catch (error) {
      options.logger?.warn({ err: error }, 'alert sweep failed (auto-resolve, silence expiry, flapping)');
    }
  };
  const sweeps = setInterval(sweep, config.alerts.sweepSeconds * 1000);
  sweeps.unref();

  const snapshot = () => {
    saveDetectors(store, detectors, now(), options.logger);
    miners.saveChanged();
    traceAnomalies.save(now());
  };
  const snapshots = setInterval(snapshot, SNAPSHOT_MS);
  snapshots.unref();

  const reports = weeklyReports({ store, now, slot: config.reports.weekly, enabled: config.reports.weekly.enabled, channels: config.reports.weekly.channels, uiUrl });
  const weekly = setInterval(() => {
    try {
      reports.runDue();
    } catch (error) {
      options.logger?.warn({ err: error }, 'weekly improvement report failed; retried in a minute');
    }
  }, REPORT_CHECK_MS);
  weekly.unref();

  loadConfiguredIntel(store, config.findings, now());
  const findings = new FindingsDesk({ store, settings: config.findings, seeded: config.catalog, now, raise: (raised) => bus.publish('signals', raised) });
  const evaluateFindings = setInterval(() => {
    try {
      findings.evaluate();
    } catch (error) {
      options.logger?.warn({ err: error }, 'findings evaluation failed (acceptance expiry, priorities, deadline alerts); retried next period');
    }
  }, config.findings.evaluateMinutes * 60_000);
  evaluateFindings.unref();

  const actions = new IncidentActions(store);
  /** An incident a person changed goes on the bus like one the loop changed (RCA, notifications). */
  const changed = (incident: Incident): Incident => {
    desk.noteIncident(incident);
    bus.publish('incidents.changed', [incident]);
    return incident;
  };

  const runbooks = createRunbooks({
    config,
    store,
    now,
    uiUrl,
    incidents: {
      note: (id, text, by) => actions.write(id, 'note', text, { by, atMs: now() }),
      acknowledge: (id, by) => changed(actions.acknowledge(id, { by, atMs: now() })),
      resolve: (id, by, resolution) => changed(actions.resolve(id, { by, atMs: now() }, resolution)),
    },
    eventNow: () => watermarkMs,
    recordChange: (change) => signals.acceptChanges([change]),
    ...(options.logger ? { logger: options.logger } : {}),
    ...options.runbooks,
  });
  bus.subscribe('incidents.changed', (incidents) => runbooks.automation.onIncidents(incidents));

  const settle = async () => {
    while (bus.backlog() > 0 || analysisWrites.size > 0) {
      await bus.drain();
      await Promise.all(analysisWrites);
    }
  };

  return {
    store,
    bus,
    spanAttributesRead: ERROR_TYPE_KEYS,
    telemetry,
    signals,
    notifications: notifier,
    runbooks,
    acknowledge: (id, by) => changed(actions.acknowledge(id, { by, atMs: now() })),
    resolve: (id, by, resolution) => changed(actions.resolve(id, { by, atMs: now() }, resolution)),
    closeIncident: (id, by) => changed(actions.close(id, { by, atMs: now() })),
    editIncident: (id, edit, by) => changed(actions.edit(id, edit, { by, atMs: now() })),
    writeOnTimeline: (id, kind, text, by) => actions.write(id, kind, text, { by, atMs: now() }),
    linkProblem: (problemId, id, by) => actions.linkProblem(problemId, id, { by, atMs: now() }),
    unlinkProblem: (problemId, id, by) => actions.unlinkProblem(problemId, id, { by, atMs: now() }),
    silences: {
      create: (input) => {
        const created = silenceBook.create(input);
        sweepAlerts();
        return created;
      },
      expire: (id, by) => {
        const expired = silenceBook.expire(id, by);
        sweepAlerts();
        return expired;
      },
      get: (id) => silenceBook.get(id),
      list: (limit) => silenceBook.list(limit),
      preview: (input) => previewSilence(store, recentSignals, input),
    },
    sweepAlerts,
    merge: (id, into, by) => {
      const incident = desk.merge(id, into, by, now());
      bus.publish('incidents.changed', [incident]);
      return incident;
    },
    split: (id, alertIds, by) => {
      const incident = desk.split(id, alertIds, by, now());
      const source = store.incidents.get(id);
      bus.publish('incidents.changed', source ? [incident, source] : [incident]);
      return incident;
    },
    rankWindow: (range) => rankWindow(store, range, { detector: config.detector }),
    reports,
    capacityForecasts: (request) => capacityForecasts(store, request),
    rightsizing: (request) => rightsizingReport(store, request),
    findings,
    logStats: () => logMining.stats(),
    demo: () => demo,
    setDemo: (control) => {
      demo = control;
    },
    settle,
    close: async () => {
      clearInterval(retention);
      clearInterval(snapshots);
      clearInterval(escalations);
      clearInterval(sweeps);
      clearInterval(weekly);
      clearInterval(evaluateFindings);
      await runbooks.close();
      await settle();
      await notifier.idle();
      await reports.idle();
      snapshot();
    },
  };
}

function flapOptions(config: Config): FlapOptions {
  const { windowSeconds, ...rest } = config.alerts.flap;
  return { ...rest, windowMs: windowSeconds * 1000 };
}

/**
 * Each service's newest time among `records`, read in place: the span path called this with a
 * new { service, timeMs } object per span (~1,000 per request) only to fold them into this map.
 */
function newestByService<R extends { service: string }>(records: readonly R[], timeOf: (record: R) => number): Map<string, number> {
  const newest = new Map<string, number>();
  for (const record of records) {
    const timeMs = timeOf(record);
    if (timeMs > (newest.get(record.service) ?? Number.NEGATIVE_INFINITY)) newest.set(record.service, timeMs);
  }
  return newest;
}
