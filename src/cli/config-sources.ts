/**
 * Where configuration values can come from besides the file: the environment and flags.
 * Tables rather than code, so a new setting is one row (and docs can be generated from it).
 */

export type ValueType = 'string' | 'number';

export interface EnvVariable {
  name: string;
  path: readonly string[];
  type: ValueType;
  description: string;
}

export const ENV_VARIABLES: readonly EnvVariable[] = [
  { name: 'OPSLOOP_DATA_DIR', path: ['dataDir'], type: 'string', description: 'Directory for the SQLite store' },
  { name: 'OPSLOOP_LOG_LEVEL', path: ['logLevel'], type: 'string', description: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'OPSLOOP_API_HOST', path: ['api', 'host'], type: 'string', description: 'Address the API and UI listen on' },
  { name: 'OPSLOOP_API_PORT', path: ['api', 'port'], type: 'number', description: 'Port of the API and UI' },
  { name: 'OPSLOOP_API_BODY_LIMIT_BYTES', path: ['api', 'bodyLimitBytes'], type: 'number', description: 'Largest API request body' },
  { name: 'OPSLOOP_OTLP_HOST', path: ['otlp', 'host'], type: 'string', description: 'Address the OTLP/HTTP receiver listens on' },
  { name: 'OPSLOOP_OTLP_PORT', path: ['otlp', 'port'], type: 'number', description: 'Port of the OTLP/HTTP receiver' },
  { name: 'OPSLOOP_OTLP_BODY_LIMIT_BYTES', path: ['otlp', 'bodyLimitBytes'], type: 'number', description: 'Largest OTLP body, after decompression' },
  { name: 'OPSLOOP_RETENTION_HOURS', path: ['retention', 'telemetryHours'], type: 'number', description: 'How long telemetry is kept' },
  { name: 'OPSLOOP_MAX_BACKLOG', path: ['ingest', 'maxBacklog'], type: 'number', description: 'Backlog above which receivers answer 503' },
  { name: 'OPSLOOP_CORRELATION_WINDOW_SECONDS', path: ['correlation', 'windowSeconds'], type: 'number', description: 'Window for grouping alerts into incidents' },
  { name: 'OPSLOOP_ADMIN_USER', path: ['auth', 'admin', 'id'], type: 'string', description: 'Id of the first admin, created at start (default admin)' },
  { name: 'OPSLOOP_ADMIN_PASSWORD', path: ['auth', 'admin', 'password'], type: 'string', description: 'Password of the first admin (12+ characters); set only while the admin has none' },
  { name: 'OPSLOOP_DETECTOR_SENSITIVITY', path: ['detector', 'sensitivity'], type: 'string', description: 'off, low, medium, high, or the anomaly-score threshold in (0, 1]' },
];

/** Flags shared by `serve` and `demo`; `key` is commander's camel-cased option name. */
export interface ConfigFlag {
  flags: string;
  key: 'dataDir' | 'host' | 'port' | 'otlpPort' | 'logLevel';
  path: readonly string[];
  type: ValueType;
  description: string;
}

export const CONFIG_FLAGS: readonly ConfigFlag[] = [
  { flags: '--data-dir <dir>', key: 'dataDir', path: ['dataDir'], type: 'string', description: 'directory for the SQLite store (default ./data)' },
  { flags: '--host <address>', key: 'host', path: ['api', 'host'], type: 'string', description: 'address the API and UI listen on (default 127.0.0.1)' },
  { flags: '--port <port>', key: 'port', path: ['api', 'port'], type: 'number', description: 'port of the API and UI (default 7070)' },
  { flags: '--otlp-port <port>', key: 'otlpPort', path: ['otlp', 'port'], type: 'number', description: 'port of the OTLP/HTTP receiver (default 4318)' },
  { flags: '--log-level <level>', key: 'logLevel', path: ['logLevel'], type: 'string', description: 'fatal, error, warn, info, debug, trace or silent' },
];

export type ConfigFlagValues = Partial<Record<ConfigFlag['key'], string>>;

/**
 * Numbers in the environment and on the command line arrive as text. Text that is not a
 * number is passed on unchanged, so the schema rejects it with the key and value named.
 */
export function parseValue(raw: string, type: ValueType): string | number {
  if (type === 'string') return raw;
  const trimmed = raw.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : raw;
}
