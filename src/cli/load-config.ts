/**
 * Configuration, lowest precedence first: schema defaults ← JSON file (`--config FILE`, else
 * ./opsloop.config.json when present) ← environment ← flags. Validated once with
 * ConfigSchema and deep-frozen. Errors name the key, the bad value and where it came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigSchema, type Config } from '../core/config.js';
import { OpsError } from '../core/errors.js';
import { describeConfigIssue } from './config-issues.js';
import { CONFIG_FLAGS, ENV_VARIABLES, parseValue, type ConfigFlagValues } from './config-sources.js';

export const DEFAULT_CONFIG_FILE = 'opsloop.config.json';

export interface LoadConfigOptions {
  /** Explicit config file (`--config`); it must exist. */
  configFile?: string;
  /** Where to look for opsloop.config.json. @default process.cwd() */
  cwd?: string;
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  flags?: ConfigFlagValues;
}

type RawObject = Record<string, unknown>;

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const raw: RawObject = {};
  /** Dotted path -> where its value came from, for error messages. */
  const origins = new Map<string, string>();

  const file = configFilePath(options);
  if (file) {
    const content = readConfigFile(file);
    deepMerge(raw, content);
    recordLeaves(content, [], (path, value) => origins.set(path.join('.'), `config file ${file} (${JSON.stringify(value)})`));
  }

  const env = options.env ?? process.env;
  for (const variable of ENV_VARIABLES) {
    const value = env[variable.name];
    if (value === undefined || value === '') continue;
    setPath(raw, variable.path, parseValue(value, variable.type));
    origins.set(variable.path.join('.'), `${variable.name}=${JSON.stringify(value)}`);
  }

  for (const flag of CONFIG_FLAGS) {
    const value = options.flags?.[flag.key];
    if (value === undefined) continue;
    setPath(raw, flag.path, parseValue(value, flag.type));
    origins.set(flag.path.join('.'), `${flag.flags.split(' ')[0]} ${JSON.stringify(value)}`);
  }

  const parsed = ConfigSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const originOf = (path: readonly string[]) => findOrigin(origins, path);
    const details = parsed.error.issues.flatMap((issue) => describeConfigIssue(issue, originOf));
    throw new OpsError('OPS_ERR_CONFIG', [details.join('; ')]);
  }
  return deepFreeze(parsed.data);
}

function configFilePath(options: LoadConfigOptions): string | undefined {
  if (options.configFile !== undefined) {
    const file = resolve(options.cwd ?? process.cwd(), options.configFile);
    if (!existsSync(file)) throw new OpsError('OPS_ERR_CONFIG', [`--config ${JSON.stringify(options.configFile)}: file not found`]);
    return file;
  }
  const implicit = resolve(options.cwd ?? process.cwd(), DEFAULT_CONFIG_FILE);
  return existsSync(implicit) ? implicit : undefined;
}

function readConfigFile(file: string): RawObject {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OpsError('OPS_ERR_CONFIG', [`config file ${file} is not valid JSON: ${reason}`]);
  }
  if (!isObject(content)) throw new OpsError('OPS_ERR_CONFIG', [`config file ${file} must hold a JSON object`]);
  return content;
}

/** The value's own origin, else that of the nearest enclosing key, else of any key inside it. */
function findOrigin(origins: ReadonlyMap<string, string>, path: readonly string[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const origin = origins.get(path.slice(0, length).join('.'));
    if (origin) return origin;
  }
  const prefix = `${path.join('.')}.`;
  for (const [key, origin] of origins) if (key.startsWith(prefix)) return origin;
  return undefined;
}

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: RawObject, source: RawObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(value) && isObject(existing)) deepMerge(existing, value);
    else target[key] = isObject(value) ? structuredClone(value) : value;
  }
}

function setPath(target: RawObject, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (isObject(next)) node = next;
    else {
      const created: RawObject = {};
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

function recordLeaves(value: unknown, path: string[], record: (path: string[], value: unknown) => void): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) recordLeaves(child, [...path, key], record);
  } else {
    record(path, value);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
