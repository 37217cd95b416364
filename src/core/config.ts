/**
 * The one configuration schema. The CLI reads a file, the environment and flags, validates
 * the merge once with this schema and freezes it; nothing else reads process.env.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { CelExpressionSchema } from './cel-expression.js';
import { CatalogEntrySchema } from './incident-api.js';
import { TimeZoneSchema } from './notify-api.js';
import { WeekdaySchema } from './report-api.js';

const port = z.number().int().min(0).max(65535);

/**
 * How readily a series alarms: a named level, or the anomaly-score threshold itself in (0, 1]
 * (medium = 0.5, a 1 % likelihood tail). `off` scores the series but never alarms.
 */
export const SensitivitySchema = z.union([z.enum(['off', 'low', 'medium', 'high']), z.coerce.number().gt(0).max(1)]);
export type Sensitivity = z.infer<typeof SensitivitySchema>;

/** Series a sensitivity rule applies to: every given field must match (`*` is a wildcard in metric and service). */
export const SensitivityRuleSchema = z
  .object({
    metric: z.string().min(1).optional().describe('Metric name, e.g. "http.server.*" or "opsloop.service.latency_p95"'),
    service: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).optional().describe('Label values that must all be equal'),
    sensitivity: SensitivitySchema,
  })
  .strict();
export type SensitivityRule = z.infer<typeof SensitivityRuleSchema>;

/**
 * A user grouping rule: `join` forces an alert into an active incident when the CEL expression
 * holds, `separate` keeps it out, `groupBy` keeps alerts whose values of these labels differ
 * apart and joins those whose values agree. CEL sees `alert`, `incident` and `gapSeconds`.
 */
export const CorrelationRuleSchema = z
  .object({
    name: z.string().min(1).describe('Shown in the decision reason'),
    join: CelExpressionSchema.optional(),
    separate: CelExpressionSchema.optional(),
    groupBy: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((rule) => [rule.join, rule.separate, rule.groupBy].filter((part) => part !== undefined).length === 1, {
    message: 'must set exactly one of join, separate, groupBy',
  });
export type CorrelationRule = z.infer<typeof CorrelationRuleSchema>;

export const CORRELATION_DEFAULTS = {
  threshold: 0.5,
  volatileLabels: ['instance', 'pod', 'k8s.pod.name', 'host.name', 'template_id', 'trace_id', 'span_id', 'request_id', 'dedup_key'],
} as const;

const LOG_SIGNAL_DEFAULTS = {
  bucketSeconds: 10,
  templatesPerService: 50,
  warmupLines: 1000,
  newTemplateSeverity: 'error',
  newTemplateAlertsPerHour: 5,
} as const;

/** Sources that never send a resolve, or whose resolve can be lost (docs/alerts.md "Auto-resolve"). */
export const DEFAULT_RESOLVE_AFTER_SECONDS: Readonly<Record<string, number>> = Object.freeze({
  events: 1800,
  logs: 3600,
  detector: 21_600,
  traces: 21_600,
});

const WEEKLY_REPORT_DEFAULTS = { enabled: true, day: 'monday', hour: 8, timeZone: 'UTC', channels: [] as string[] } as const;

const FLAP_DEFAULTS = { samples: 21, windowSeconds: 3600, startPercent: 50, stopPercent: 25, minChanges: 4 } as const;
const ALERT_DEFAULTS = {
  resolveAfterSeconds: { ...DEFAULT_RESOLVE_AFTER_SECONDS },
  sweepSeconds: 30,
  earlyResolveWindowSeconds: 3600,
  flap: FLAP_DEFAULTS,
};

const CAPACITY_DEFAULTS = { alertAheadHours: 72, evaluateMinutes: 15, historyHours: 72 };

const FINDINGS_DEFAULTS = {
  maxReportBytes: 33_554_432,
  evaluateMinutes: 15,
  runtimeWindowHours: 24,
  epssPocThreshold: 0.1,
  deadlineDays: { Act: 7, Attend: 30, 'Track*': 90, Track: 180 },
};

const AUTH_DEFAULTS = {
  enabled: true,
  sessionHours: 12,
  setupLinkMinutes: 60,
  lockout: { maxFailures: 5, baseSeconds: 30, maxSeconds: 900 },
  rateLimit: { perTokenPerMinute: 1200, perAddressPerMinute: 600, loginPerAddressPerMinute: 20 },
  webhookSecrets: {},
};

/** Receivers that can check an HMAC signature of their body (docs/access.md "Hardening"). */
export const WEBHOOK_INTEGRATIONS = ['alertmanager', 'grafana', 'pagerduty', 'events', 'changes'] as const;
export type WebhookIntegration = (typeof WEBHOOK_INTEGRATIONS)[number];

/** Access control (docs/access.md). */
const AuthSchema = z
  .object({
    /** Off only for the demo and trusted single-user setups: everyone is an anonymous admin. */
    enabled: z.boolean().default(AUTH_DEFAULTS.enabled),
    /** A session ends this long after sign-in. */
    sessionHours: z.number().positive().max(24 * 30).default(AUTH_DEFAULTS.sessionHours),
    /** The first administrator, created at start when missing (otherwise a one-time setup link is printed). */
    admin: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-" or "." (1-64)').default('admin'),
        password: z.string().min(12, 'must have at least 12 characters').max(1024),
      })
      .strict()
      .optional(),
    /** How long the printed setup link works. */
    setupLinkMinutes: z.number().positive().max(24 * 60).default(AUTH_DEFAULTS.setupLinkMinutes),
    lockout: z
      .object({
        /** Failed logins in a row for one name before it is locked. */
        maxFailures: z.number().int().min(1).default(AUTH_DEFAULTS.lockout.maxFailures),
        /** The first lock; each further failure doubles it, up to maxSeconds. */
        baseSeconds: z.number().positive().default(AUTH_DEFAULTS.lockout.baseSeconds),
        maxSeconds: z.number().positive().default(AUTH_DEFAULTS.lockout.maxSeconds),
      })
      .strict()
      .default(AUTH_DEFAULTS.lockout),
    rateLimit: z
      .object({
        perTokenPerMinute: z.number().int().min(1).default(AUTH_DEFAULTS.rateLimit.perTokenPerMinute),
        perAddressPerMinute: z.number().int().min(1).default(AUTH_DEFAULTS.rateLimit.perAddressPerMinute),
        loginPerAddressPerMinute: z.number().int().min(1).default(AUTH_DEFAULTS.rateLimit.loginPerAddressPerMinute),
      })
      .strict()
      .default(AUTH_DEFAULTS.rateLimit),
    /**
     * Per integration, a secret that incoming webhooks must sign their body with (header
     * X-Opsloop-Signature: sha256=<hex HMAC-SHA256>); unsigned or wrongly signed ones are 401.
     */
    webhookSecrets: z.partialRecord(z.enum(WEBHOOK_INTEGRATIONS), z.string().min(16, 'must have at least 16 characters')).default({}),
  })
  .strict()
  .default(AUTH_DEFAULTS);

/** A command runbooks may run (docs/runbooks.md "Configuration"): a fixed program, never a shell. */
const ExecutorSchema = z
  .object({
    command: z.string().refine((path) => isAbsolute(path), 'must be an absolute path (no lookup in PATH)'),
    args: z.array(z.string()).default([]).describe('Passed before the runbook\'s arguments'),
    allowArgs: z
      .string()
      .refine((pattern) => {
        try {
          new RegExp(pattern);
          return true;
        } catch {
          return false;
        }
      }, 'must be a regular expression')
      .optional()
      .describe('Every argument a runbook passes must match this (anchored)'),
  })
  .strict();

const RUNBOOK_DEFAULTS = { executors: {}, killSwitch: false, maxDepth: 3, approvalExpirySweepSeconds: 15 };

export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('./data').describe('Directory for the embedded SQLite store'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    api: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: port.default(7070),
        bodyLimitBytes: z.number().int().positive().default(1_048_576),
        /** Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto (client address, Secure cookies). */
        trustProxy: z.boolean().default(false),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 7070, bodyLimitBytes: 1_048_576, trustProxy: false }),
    otlp: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: port.default(4318),
        /** Applies to the decompressed body as well as the bytes on the wire. */
        bodyLimitBytes: z.number().int().positive().default(16_777_216),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 4318, bodyLimitBytes: 16_777_216 }),
    retention: z
      .object({ telemetryHours: z.number().positive().default(72) })
      .strict()
      .default({ telemetryHours: 72 }),
    ingest: z
      .object({
        /** Bus messages waiting to be analysed above which receivers answer 503. */
        maxBacklog: z.number().int().positive().default(5000),
        /**
         * Store spans on a worker thread with its own SQLite connection, so decoding and
         * analysis on the main thread go on meanwhile (docs/traces.md#storage).
         */
        spanWriterThread: z.boolean().default(true),
        /** Span batches waiting for the span writer thread above which receivers answer 503. */
        maxSpanWrites: z.number().int().positive().default(32),
      })
      .strict()
      .default({ maxBacklog: 5000, spanWriterThread: true, maxSpanWrites: 32 }),
    pagerduty: z
      .object({
        /** Integration keys the PagerDuty receiver accepts; empty accepts any 32-character key. */
        routingKeys: z.array(z.string().length(32)).default([]),
      })
      .strict()
      .default({ routingKeys: [] }),
    detector: z
      .object({
        /** Points a new series learns from quietly before it is scored. */
        learnPoints: z.number().int().min(10).default(100),
        sensitivity: SensitivitySchema.default('medium'),
        /** First matching rule wins; unmatched series use `sensitivity`. */
        rules: z.array(SensitivityRuleSchema).default([]),
        firingPoints: z.number().int().min(1).default(2),
        resolvePoints: z.number().int().min(1).default(3),
        /** Least event time without any telemetry before a reporting service counts as silent. */
        silenceSeconds: z.number().positive().default(60),
      })
      .strict()
      .default({ learnPoints: 100, sensitivity: 'medium', rules: [], firingPoints: 2, resolvePoints: 3, silenceSeconds: 60 }),
    traces: z
      .object({ bucketSeconds: z.number().int().min(1).default(10) })
      .strict()
      .default({ bucketSeconds: 10 }),
    logs: z
      .object({
        /** Log signals (docs/logs.md "Log signals"). */
        signals: z
          .object({
            /** Bucket of the per-template and error line counts fed to the detector. */
            bucketSeconds: z.number().int().min(1).default(10),
            /** Templates per service with a count series (least recently seen give way); 0: none. */
            templatesPerService: z.number().int().min(0).default(50),
            /** Lines a service's miner must have mined before a template it creates is new. */
            warmupLines: z.number().int().min(0).default(1000),
            /** Lowest severity whose new templates alert. */
            newTemplateSeverity: z.enum(['warn', 'error', 'fatal', 'off']).default('error'),
            newTemplateAlertsPerHour: z.number().int().min(0).default(5),
          })
          .strict()
          .default(LOG_SIGNAL_DEFAULTS),
      })
      .strict()
      .default({ signals: LOG_SIGNAL_DEFAULTS }),
    correlation: z
      .object({
        windowSeconds: z.number().positive().default(120),
        maxGraphDistance: z.number().int().min(0).default(2),
        /** An incident resolves itself once all its alerts have been resolved this long (event time). */
        quietSeconds: z.number().min(0).default(60),
        /** Least grouping score (0-1) for an alert to join an open incident (docs/correlation.md). */
        threshold: z.number().gt(0).lt(1).default(CORRELATION_DEFAULTS.threshold),
        /** Label keys left out of label similarity: they name a replica or an id, not the problem. */
        volatileLabels: z.array(z.string().min(1)).default([...CORRELATION_DEFAULTS.volatileLabels]),
        /** Checked in order: separate and group-by rules veto, join rules force (docs/correlation.md). */
        rules: z.array(CorrelationRuleSchema).default([]),
      })
      .strict()
      .default({ windowSeconds: 120, maxGraphDistance: 2, quietSeconds: 60, ...CORRELATION_DEFAULTS, volatileLabels: [...CORRELATION_DEFAULTS.volatileLabels], rules: [] }),
    auth: AuthSchema,
    /** Service catalog seed by service name (docs/incidents.md); an entry edited through the API wins. */
    catalog: z.record(z.string().min(1), CatalogEntrySchema.strict()).default({}),
    notifications: z
      .object({
        /** Where people open opsloop, for links in messages; default http://{api.host}:{api.port}. */
        publicUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** How often due escalations are checked (wall clock). */
        escalationTickSeconds: z.number().min(1).max(300).default(15),
      })
      .strict()
      .default({ escalationTickSeconds: 15 }),
    reports: z
      .object({
        /** The weekly improvement report (docs/reports.md): made at this local day and hour for the week before, and stored. */
        weekly: z
          .object({
            enabled: z.boolean().default(true),
            day: WeekdaySchema.default('monday'),
            hour: z.number().int().min(0).max(23).default(8),
            timeZone: TimeZoneSchema.default('UTC'),
            /** Notification channels (ids) the report is sent to once made; none: stored only. */
            channels: z.array(z.string().min(1)).default([]),
          })
          .strict()
          .default({ ...WEEKLY_REPORT_DEFAULTS, channels: [] }),
      })
      .strict()
      .default({ weekly: { ...WEEKLY_REPORT_DEFAULTS, channels: [] } }),
    /** Capacity forecasts and their alerts (docs/capacity.md). */
    capacity: z
      .object({
        /** Alert when a saturation series is forecast to reach its limit within this many hours. */
        alertAheadHours: z.number().positive().max(24 * 90).default(72),
        /** Event time between two evaluations of every saturation series. */
        evaluateMinutes: z.number().positive().default(15),
        /** History each forecast is fitted on (telemetry older than retention.telemetryHours is gone anyway). */
        historyHours: z.number().positive().max(24 * 90).default(72),
      })
      .strict()
      .default(CAPACITY_DEFAULTS),
    /** Security findings (docs/findings.md). */
    findings: z
      .object({
        /** CISA KEV catalogue (JSON) loaded at start; never downloaded. */
        kevPath: z.string().min(1).optional(),
        /** EPSS scores (CSV cve,epss,percentile, optionally .gz) loaded at start; never downloaded. */
        epssPath: z.string().min(1).optional(),
        /** Largest scanner report, KEV or EPSS upload accepted (scanner reports outgrow api.bodyLimitBytes). */
        maxReportBytes: z.number().int().positive().default(FINDINGS_DEFAULTS.maxReportBytes),
        /** Wall clock between evaluations: acceptance expiry, re-prioritisation, deadline alerts. */
        evaluateMinutes: z.number().positive().default(FINDINGS_DEFAULTS.evaluateMinutes),
        /** Telemetry this recent counts as runtime evidence that a service runs and serves. */
        runtimeWindowHours: z.number().positive().default(FINDINGS_DEFAULTS.runtimeWindowHours),
        /** EPSS probability from which SSVC exploitation counts as "poc". */
        epssPocThreshold: z.number().min(0).max(1).default(FINDINGS_DEFAULTS.epssPocThreshold),
        /** Days from first seen to fix, per SSVC decision. */
        deadlineDays: z
          .object({
            Act: z.number().positive().default(FINDINGS_DEFAULTS.deadlineDays.Act),
            Attend: z.number().positive().default(FINDINGS_DEFAULTS.deadlineDays.Attend),
            'Track*': z.number().positive().default(FINDINGS_DEFAULTS.deadlineDays['Track*']),
            Track: z.number().positive().default(FINDINGS_DEFAULTS.deadlineDays.Track),
          })
          .strict()
          .default(FINDINGS_DEFAULTS.deadlineDays),
      })
      .strict()
      .default(FINDINGS_DEFAULTS),
    /** Runbooks (docs/runbooks.md "Configuration"). */
    runbooks: z
      .object({
        /** YAML runbooks loaded at start; a file with problems is reported and skipped. */
        dir: z.string().min(1).optional(),
        /** Named commands exec steps may run. */
        executors: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'an executor name: lower-case letters, digits, "_" or "-"'), ExecutorSchema).default({}),
        /** Engage the kill switch at every start: no execution starts until an admin releases it. */
        killSwitch: z.boolean().default(false),
        /** How deep runbook steps may call runbooks. */
        maxDepth: z.number().int().min(0).max(10).default(3),
        /** Wall clock between checks for expired approvals. */
        approvalExpirySweepSeconds: z.number().positive().max(3600).default(15),
      })
      .strict()
      .default(RUNBOOK_DEFAULTS),
    alerts: z
      .object({
        /** Per source: a firing alert with no signal for this long resolves itself; 0 never. Replaces the default map. */
        resolveAfterSeconds: z.record(z.string(), z.number().min(0)).default({ ...DEFAULT_RESOLVE_AFTER_SECONDS }),
        /** Wall clock between checks for auto-resolve, silence expiry and settled flapping. */
        sweepSeconds: z.number().positive().default(30),
        /** How long a resolve that arrived before its trigger is remembered. */
        earlyResolveWindowSeconds: z.number().positive().default(3600),
        flap: z
          .object({
            samples: z.number().int().min(3).max(100).default(21),
            windowSeconds: z.number().positive().default(3600),
            startPercent: z.number().gt(0).max(100).default(50),
            stopPercent: z.number().min(0).max(100).default(25),
            minChanges: z.number().int().min(1).default(4),
          })
          .strict()
          .refine((flap) => flap.stopPercent <= flap.startPercent, 'stopPercent must not exceed startPercent')
          .default(FLAP_DEFAULTS),
      })
      .strict()
      .default(ALERT_DEFAULTS),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
