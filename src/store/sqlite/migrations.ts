/**
 * The schema, as an ordered list of numbered steps. A released step is never edited: change the
 * schema by appending a step. migrate.ts applies the ones a database has not seen yet.
 */

export interface Migration {
  /** 1, 2, 3 … with no gaps; the database records the highest one applied. */
  version: number;
  name: string;
  sql: string;
}

const INITIAL_TELEMETRY = `
CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  service TEXT NOT NULL,
  instance TEXT,
  labels TEXT NOT NULL,
  unit TEXT,
  last_ms INTEGER NOT NULL
);
CREATE INDEX series_service ON series (service, key);

-- Clustered on (series, time): a range read of one series is one contiguous B-tree scan and
-- the key is stored once, with no second index. No foreign key to series: it would cost a
-- lookup per point on the hottest write path, and series rows are only removed once empty.
CREATE TABLE points (
  series_id INTEGER NOT NULL,
  time_ms INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (series_id, time_ms)
) WITHOUT ROWID;

CREATE TABLE spans (
  id INTEGER PRIMARY KEY,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  service TEXT NOT NULL,
  instance TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  status TEXT NOT NULL,
  status_message TEXT,
  peer_service TEXT,
  attributes TEXT NOT NULL
);
-- Unique so a retried export does not duplicate spans; it also serves lookups by trace.
CREATE UNIQUE INDEX spans_trace ON spans (trace_id, span_id);
CREATE INDEX spans_service_start ON spans (service, start_ms);
-- Lets pruning find old spans without scanning the table.
CREATE INDEX spans_start ON spans (start_ms);

CREATE TABLE logs (
  id INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  service TEXT NOT NULL,
  instance TEXT,
  severity_number INTEGER NOT NULL,
  severity_text TEXT NOT NULL,
  body TEXT NOT NULL,
  trace_id TEXT,
  span_id TEXT,
  attributes TEXT NOT NULL
);
CREATE INDEX logs_service_time ON logs (service, time_ms);
-- Partial: most logs carry no trace, and they need no entry.
CREATE INDEX logs_trace ON logs (trace_id) WHERE trace_id IS NOT NULL;
-- Serves recent logs across all services, and pruning.
CREATE INDEX logs_time ON logs (time_ms);
`;

const INITIAL_STATE = `
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL,
  incident_id TEXT,
  last_seen_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX alerts_fingerprint ON alerts (fingerprint, last_seen_ms);
CREATE INDEX alerts_last_seen ON alerts (last_seen_ms);
CREATE INDEX alerts_incident ON alerts (incident_id) WHERE incident_id IS NOT NULL;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX incidents_started ON incidents (started_ms);

CREATE TABLE incident_timeline (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  time_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, time_ms);

CREATE TABLE changes (
  id TEXT PRIMARY KEY,
  service TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX changes_time ON changes (time_ms);
CREATE INDEX changes_service_time ON changes (service, time_ms);

CREATE TABLE service_edges (
  caller TEXT NOT NULL,
  callee TEXT NOT NULL,
  via TEXT NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  PRIMARY KEY (caller, callee, via)
) WITHOUT ROWID;

CREATE TABLE services (
  name TEXT PRIMARY KEY,
  last_seen_ms INTEGER NOT NULL
) WITHOUT ROWID;
`;

// One row per (model family, series); replaced in place, so size tracks live series.
const MODEL_STATE = `
CREATE TABLE model_state (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  state TEXT NOT NULL,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
`;

// Templates mined from log bodies (src/app/logs) and full-text search over the bodies.
const LOG_TEMPLATES_AND_SEARCH = `
ALTER TABLE logs ADD COLUMN template_id TEXT;
-- Serves samples, sparklines and the template filter. Ids are unique per service only, but
-- hashes rarely collide across services, so the service is checked on the few rows found.
CREATE INDEX logs_template_time ON logs (template_id, time_ms) WHERE template_id IS NOT NULL;

CREATE TABLE log_templates (
  service TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  count INTEGER NOT NULL,
  max_severity INTEGER NOT NULL,
  -- JSON [{ timeMs, from, to }], oldest first, the last few refinements only.
  changes TEXT NOT NULL,
  PRIMARY KEY (service, template_id)
) WITHOUT ROWID;
-- Lets pruning find templates not seen within retention without a scan.
CREATE INDEX log_templates_last_seen ON log_templates (last_seen_ms);

-- External content: the index stores no second copy of the bodies, and highlight() and
-- snippet() read them from logs. Triggers keep it in step with every insert and delete,
-- retention pruning included.
CREATE VIRTUAL TABLE logs_fts USING fts5(body, content='logs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO logs_fts (logs_fts) VALUES ('rebuild');
CREATE TRIGGER logs_fts_insert AFTER INSERT ON logs BEGIN
  INSERT INTO logs_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER logs_fts_delete AFTER DELETE ON logs BEGIN
  INSERT INTO logs_fts (logs_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER logs_fts_update AFTER UPDATE OF body ON logs BEGIN
  INSERT INTO logs_fts (logs_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO logs_fts (rowid, body) VALUES (new.id, new.body);
END;
`;

// Trace search (src/store/sqlite/trace-search.ts): errors are few, so a partial index finds
// failed spans by time without scanning every span, at almost no cost to span inserts.
const TRACE_SEARCH = `
CREATE INDEX spans_error_start ON spans (start_ms) WHERE status = 'error';
`;

// Instances of each service and the host (node) they run on, for the entity graph of the
// service map: kept per instance, not per record, so span and log rows stay as they were.
const INSTANCES = `
CREATE TABLE instances (
  service TEXT NOT NULL,
  instance TEXT NOT NULL,
  host TEXT,
  last_seen_ms INTEGER NOT NULL,
  PRIMARY KEY (service, instance)
) WITHOUT ROWID;
`;

// Incident management (docs/incidents.md): who wrote each timeline entry, when an incident
// ended (so a time-window query needs no JSON), problems with their linked incidents,
// postmortems and the service catalog's human-entered fields.
const INCIDENT_MANAGEMENT = `
ALTER TABLE incident_timeline ADD COLUMN actor TEXT;

-- NULL while open. Window queries ask started_ms <= to AND (ended_ms IS NULL OR ended_ms >= from).
ALTER TABLE incidents ADD COLUMN ended_ms INTEGER;
UPDATE incidents SET ended_ms = json_extract(record, '$.resolvedMs');

CREATE TABLE problems (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX problems_created ON problems (created_ms);

-- The incident is the key: an incident belongs to at most one problem.
CREATE TABLE problem_incidents (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  problem_id TEXT NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  linked_ms INTEGER NOT NULL
);
CREATE INDEX problem_incidents_problem ON problem_incidents (problem_id);

CREATE TABLE postmortems (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  updated_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);

CREATE TABLE service_catalog (
  service TEXT PRIMARY KEY,
  updated_ms INTEGER NOT NULL,
  record TEXT NOT NULL
) WITHOUT ROWID;
`;

// Notifications and on-call (src/engage/notify, src/engage/oncall): configuration records as
// validated JSON by kind (few, small, read whole), the delivery log, the last notified state
// per incident (throttling and event diffing survive a restart) and escalation state.
const NOTIFICATIONS = `
CREATE TABLE notify_config (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE notify_deliveries (
  id INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  incident_id TEXT,
  record TEXT NOT NULL
);
CREATE INDEX notify_deliveries_incident ON notify_deliveries (incident_id, id) WHERE incident_id IS NOT NULL;

CREATE TABLE notify_incidents (
  incident_id TEXT PRIMARY KEY,
  record TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE escalations (
  incident_id TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  status TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (incident_id, policy_id)
) WITHOUT ROWID;
CREATE INDEX escalations_status ON escalations (status);
`;

// Silences and maintenance windows (src/engage/silences), and an append-only audit trail of
// who created or expired them; the record column holds the whole silence, as for alerts.
const SILENCES_AND_AUDIT = `
CREATE TABLE silences (
  id TEXT PRIMARY KEY,
  ends_ms INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX silences_ends ON silences (ends_ms);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit (subject_kind, subject_id);
`;

// Operators' merges and splits as correlation training examples (src/engage/correlate):
// append-only, read back in order to show what the model learned from.
const GROUPING_FEEDBACK = `
CREATE TABLE grouping_feedback (
  id INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
`;

// Access control (docs/access.md): password hashes (scrypt), API tokens and sessions kept as
// SHA-256 digests of their secrets, failed logins for lockout, and the one-time setup link.
const ACCESS_CONTROL = `
CREATE TABLE credentials (
  user_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  updated_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  owner_id TEXT,
  created_ms INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX api_tokens_owner ON api_tokens (owner_id);
CREATE TABLE sessions (
  secret_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  expires_ms INTEGER NOT NULL,
  record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_ms);
CREATE TABLE login_failures (
  login TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_ms INTEGER NOT NULL,
  locked_until_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE setup_links (
  secret_hash TEXT PRIMARY KEY,
  expires_ms INTEGER NOT NULL
) WITHOUT ROWID;
`;

// Repeats of firing alerts, appended and folded into the alerts' rows in bulk
// (src/store/sqlite/alert-activity.ts); the index finds an alert's newest entry.
const ALERT_ACTIVITY = `
CREATE TABLE alert_activity (
  seq INTEGER PRIMARY KEY,
  alert_id TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX alert_activity_alert ON alert_activity (alert_id, seq);
`;

// Spans found by an integer prefix of their trace id (trace-key.ts) instead of a unique
// (trace_id, span_id) index, ~1.2x cheaper to insert into; a resent export is recognised by its
// body's digest instead (span_batches, kept as long as the batch's newest span).
const SPAN_TRACE_KEYS = `
ALTER TABLE spans ADD COLUMN trace_key INTEGER NOT NULL DEFAULT 0;
UPDATE spans SET trace_key =
  max(instr('0123456789abcdef', substr(trace_id, 1, 1)) - 1, 0) * 17592186044416 +
  max(instr('0123456789abcdef', substr(trace_id, 2, 1)) - 1, 0) * 1099511627776 +
  max(instr('0123456789abcdef', substr(trace_id, 3, 1)) - 1, 0) * 68719476736 +
  max(instr('0123456789abcdef', substr(trace_id, 4, 1)) - 1, 0) * 4294967296 +
  max(instr('0123456789abcdef', substr(trace_id, 5, 1)) - 1, 0) * 268435456 +
  max(instr('0123456789abcdef', substr(trace_id, 6, 1)) - 1, 0) * 16777216 +
  max(instr('0123456789abcdef', substr(trace_id, 7, 1)) - 1, 0) * 1048576 +
  max(instr('0123456789abcdef', substr(trace_id, 8, 1)) - 1, 0) * 65536 +
  max(instr('0123456789abcdef', substr(trace_id, 9, 1)) - 1, 0) * 4096 +
  max(instr('0123456789abcdef', substr(trace_id, 10, 1)) - 1, 0) * 256 +
  max(instr('0123456789abcdef', substr(trace_id, 11, 1)) - 1, 0) * 16 +
  max(instr('0123456789abcdef', substr(trace_id, 12, 1)) - 1, 0) * 1;
DROP INDEX spans_trace;
CREATE INDEX spans_trace_key ON spans (trace_key);
CREATE TABLE span_batches (
  digest BLOB PRIMARY KEY,
  newest_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX span_batches_newest ON span_batches (newest_ms);
`;

// Continuous-improvement reports (src/act/reports): the weekly ones are kept whole, as JSON,
// and listed by period; deliveries get a time index because reports read them by period.
const IMPROVEMENT_REPORTS = `
CREATE TABLE improvement_reports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  from_ms INTEGER NOT NULL,
  to_ms INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  report TEXT NOT NULL,
  deliveries TEXT
);
CREATE INDEX improvement_reports_kind_to ON improvement_reports (kind, to_ms);
CREATE INDEX improvement_reports_to ON improvement_reports (to_ms);
CREATE INDEX notify_deliveries_time ON notify_deliveries (time_ms);
`;

// The audit trail of every change through the API (docs/access.md "Audit trail"): the user
// and token behind the actor, where the request came from, the record before and after (secrets redacted) and the reply status.
// Silence entries written before this have NULL in the new columns. Triggers make the table
// append-only for every writer, not only for the repository that never updates or deletes.
const AUDIT_TRAIL = `
ALTER TABLE audit ADD COLUMN route TEXT;
ALTER TABLE audit ADD COLUMN user_id TEXT;
ALTER TABLE audit ADD COLUMN token_id TEXT;
ALTER TABLE audit ADD COLUMN address TEXT;
ALTER TABLE audit ADD COLUMN user_agent TEXT;
ALTER TABLE audit ADD COLUMN before_json TEXT;
ALTER TABLE audit ADD COLUMN after_json TEXT;
ALTER TABLE audit ADD COLUMN status INTEGER;
CREATE INDEX audit_time ON audit (time_ms);
CREATE INDEX audit_actor ON audit (actor, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`;

// Security findings (docs/findings.md): scans as parsed, findings with their priority in
// columns for filtering and ordering, their history, triage feedback and the weights learned
// from it, and the KEV and EPSS files, each replaced whole when loaded.
const SECURITY_FINDINGS = `
CREATE TABLE finding_scans (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  imported_ms INTEGER NOT NULL,
  record TEXT NOT NULL,
  observations TEXT NOT NULL
);
CREATE INDEX finding_scans_target ON finding_scans (target, imported_ms);
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  team TEXT,
  services TEXT NOT NULL,
  score REAL NOT NULL DEFAULT 0,
  decision TEXT,
  severity TEXT,
  kev INTEGER NOT NULL DEFAULT 0,
  fixable INTEGER NOT NULL DEFAULT 0,
  first_seen_ms INTEGER NOT NULL,
  search TEXT NOT NULL,
  record TEXT NOT NULL,
  priority TEXT
);
CREATE INDEX findings_target ON findings (target);
CREATE INDEX findings_rank ON findings (score DESC, id);
CREATE TABLE finding_history (
  id INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL REFERENCES findings (id),
  time_ms INTEGER NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX finding_history_finding ON finding_history (finding_id, id);
CREATE TABLE finding_feedback (
  id INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL REFERENCES findings (id),
  team TEXT NOT NULL,
  factor TEXT NOT NULL,
  verdict TEXT NOT NULL,
  note TEXT,
  actor TEXT NOT NULL,
  time_ms INTEGER NOT NULL
);
CREATE TABLE finding_weights (
  team TEXT NOT NULL,
  factor TEXT NOT NULL,
  weight REAL NOT NULL,
  feedback INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (team, factor)
) WITHOUT ROWID;
CREATE TABLE vuln_kev (cve TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE vuln_epss (cve TEXT PRIMARY KEY, probability REAL NOT NULL, percentile REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE vuln_intel (kind TEXT PRIMARY KEY, record TEXT NOT NULL);
`;

// Runbooks and their executions (docs/runbooks.md): runbooks saved through the API with every
// version's YAML; executions with their step records as they end (live step logs); the offers
// triggers made for incidents; and small runbook state (the kill switch, the approval-link key).
// `inputs` keeps what templates need (an approval may come after a restart); the API shows it redacted.
const RUNBOOKS = `
CREATE TABLE runbooks (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  updated_ms INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE TABLE runbook_versions (
  runbook_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  source TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (runbook_id, version)
);
CREATE TABLE runbook_executions (
  id TEXT PRIMARY KEY,
  runbook_id TEXT NOT NULL,
  incident_id TEXT,
  status TEXT NOT NULL,
  dry_run INTEGER NOT NULL,
  target TEXT,
  created_ms INTEGER NOT NULL,
  execution TEXT NOT NULL,
  inputs TEXT NOT NULL
);
CREATE INDEX runbook_executions_runbook ON runbook_executions (runbook_id, created_ms);
CREATE INDEX runbook_executions_incident ON runbook_executions (incident_id, created_ms);
CREATE INDEX runbook_executions_status ON runbook_executions (status, created_ms);
CREATE TABLE runbook_step_records (
  execution_id TEXT NOT NULL REFERENCES runbook_executions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (execution_id, seq)
);
CREATE TABLE runbook_offers (
  id TEXT PRIMARY KEY,
  runbook_id TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  offer TEXT NOT NULL,
  UNIQUE (runbook_id, incident_id)
);
CREATE INDEX runbook_offers_incident ON runbook_offers (incident_id, created_ms);
CREATE TABLE runbook_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

// One time index where there were two: (service, start_ms) and (start_ms) became (start_ms,
// service). Every span insert paid for both, ~1 µs per span of the span writer thread's ~5
// (docs/benchmarks.md, span ingest); search by service now walks the window's index entries
// newest first and checks the service in the entry, without reading the rows it skips.
const SPAN_TIME_INDEX = `
DROP INDEX spans_service_start;
DROP INDEX spans_start;
CREATE INDEX spans_start_service ON spans (start_ms, service);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial telemetry', sql: INITIAL_TELEMETRY },
  { version: 2, name: 'initial state', sql: INITIAL_STATE },
  { version: 3, name: 'model state', sql: MODEL_STATE },
  { version: 4, name: 'log templates and search', sql: LOG_TEMPLATES_AND_SEARCH },
  { version: 5, name: 'trace search', sql: TRACE_SEARCH },
  { version: 6, name: 'instances', sql: INSTANCES },
  { version: 7, name: 'incident management', sql: INCIDENT_MANAGEMENT },
  { version: 8, name: 'notifications', sql: NOTIFICATIONS },
  { version: 9, name: 'silences and audit', sql: SILENCES_AND_AUDIT },
  { version: 10, name: 'grouping feedback', sql: GROUPING_FEEDBACK },
  { version: 11, name: 'access control', sql: ACCESS_CONTROL },
  { version: 12, name: 'alert activity journal', sql: ALERT_ACTIVITY },
  { version: 13, name: 'span trace keys', sql: SPAN_TRACE_KEYS },
  { version: 14, name: 'improvement reports', sql: IMPROVEMENT_REPORTS },
  { version: 15, name: 'audit trail', sql: AUDIT_TRAIL },
  { version: 16, name: 'security findings', sql: SECURITY_FINDINGS },
  { version: 17, name: 'runbooks and executions', sql: RUNBOOKS },
  { version: 18, name: 'span time index', sql: SPAN_TIME_INDEX },
];
