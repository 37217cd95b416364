/**
 * Every runbook opsloop knows: the YAML files of `runbooks.dir`, read once at start (a file
 * with problems is reported with file:line:column and skipped, never fatal), and those saved
 * through the API, versioned in the store. File runbooks are read-only through the API: the
 * file is their source of truth. Ids are unique across both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { loadRunbook, type RunbookProblem } from '../../act/runbooks/load-runbook.js';
import { compileRunbook, type CompiledRunbook } from '../../act/runbooks/runbook-triggers.js';
import { OpsError } from '../../core/errors.js';
import type { Runbook } from '../../core/runbook.js';
import type { RunbookDetail, RunbookSummary } from '../../core/runbook-api.js';
import type { RunbookRepository } from '../../store/store.js';

/** A runbook ready to run, with where it came from. */
export interface CatalogEntry {
  runbook: Runbook;
  compiled: CompiledRunbook;
  origin: 'file' | 'api';
  file?: string;
  version: number;
  enabled: boolean;
  source: string;
  updatedMs: number;
  updatedBy: string;
}

/** Thrown for YAML that does not load: the route answers 400 with every problem. */
export class RunbookProblemsError extends Error {
  override readonly name = 'RunbookProblemsError';
  constructor(readonly problems: RunbookProblem[]) {
    super(`the runbook has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`);
  }
}

const EXTENSIONS = new Set(['.yaml', '.yml']);

export class RunbookCatalog {
  readonly #repository: RunbookRepository;
  readonly #files = new Map<string, CatalogEntry>();
  readonly #api = new Map<string, CatalogEntry>();
  readonly #fileProblems: RunbookProblem[] = [];
  readonly #listeners: Array<() => void> = [];

  constructor(repository: RunbookRepository, options: { dir?: string; loadedMs: number; onProblem?: (problem: RunbookProblem) => void }) {
    this.#repository = repository;
    if (options.dir !== undefined) this.#loadDir(options.dir, options.loadedMs);
    for (const stored of repository.list()) {
      const loaded = loadRunbook(stored.source, `api:${stored.id}`);
      // Saved only after loading cleanly; a newer opsloop's stricter checks could still refuse it.
      if (!loaded.ok) {
        this.#fileProblems.push(...loaded.problems);
        continue;
      }
      if (this.#files.has(stored.id)) {
        this.#fileProblems.push({ source: `api:${stored.id}`, line: 1, column: 1, message: `runbook id "${stored.id}" is also a file runbook; the file wins` });
        continue;
      }
      this.#api.set(stored.id, { ...entryOf(loaded.runbook, 'api', stored.source, stored.version, stored.updatedMs, stored.updatedBy), enabled: stored.enabled });
    }
    for (const problem of this.#fileProblems) options.onProblem?.(problem);
  }

  /** Called after every change, e.g. to re-arm schedules. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  get(id: string): CatalogEntry | undefined {
    return this.#files.get(id) ?? this.#api.get(id);
  }

  /** Throws OpsError NOT_FOUND. */
  require(id: string): CatalogEntry {
    const entry = this.get(id);
    if (entry === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Runbook ${id}`]);
    return entry;
  }

  list(): CatalogEntry[] {
    return [...this.#files.values(), ...this.#api.values()].sort((a, b) => a.runbook.id.localeCompare(b.runbook.id));
  }

  problems(): RunbookProblem[] {
    return [...this.#fileProblems];
  }

  /** Creates (`expectedId` undefined) or saves a new version; throws RunbookProblemsError or OpsError. */
  save(source: string, by: string, atMs: number, expectedId?: string): CatalogEntry {
    const loaded = loadRunbook(source, 'api');
    if (!loaded.ok) throw new RunbookProblemsError(loaded.problems);
    const { id } = loaded.runbook;
    if (expectedId !== undefined && id !== expectedId) throw new OpsError('OPS_ERR_VALIDATION', [`the YAML says id "${id}" but the URL names runbook ${expectedId}; the id of a runbook cannot change`]);
    this.#refuseFile(id);
    if (expectedId === undefined && this.#api.has(id)) throw new OpsError('OPS_ERR_CONFLICT', [`runbook ${id} exists; PUT /api/v1/runbooks/${id} saves a new version`]);
    if (expectedId !== undefined && !this.#api.has(id)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Runbook ${id}`]);
    const stored = this.#repository.saveVersion(id, source, atMs, by);
    const enabled = this.#api.get(id)?.enabled ?? true;
    const entry = { ...entryOf(loaded.runbook, 'api', source, stored.version, atMs, by), enabled };
    this.#api.set(id, entry);
    this.#changed();
    return entry;
  }

  setEnabled(id: string, enabled: boolean, by: string, atMs: number): CatalogEntry {
    this.#refuseFile(id);
    const entry = this.#api.get(id);
    if (entry === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Runbook ${id}`]);
    this.#repository.setEnabled(id, enabled, atMs, by);
    const updated = { ...entry, enabled, updatedMs: atMs, updatedBy: by };
    this.#api.set(id, updated);
    this.#changed();
    return updated;
  }

  delete(id: string): void {
    this.#refuseFile(id);
    if (!this.#api.delete(id)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Runbook ${id}`]);
    this.#repository.delete(id);
    this.#changed();
  }

  summary(entry: CatalogEntry): RunbookSummary {
    const { runbook } = entry;
    const { incident, alert, schedule, manual } = runbook.triggers;
    return {
      id: runbook.id,
      name: runbook.name,
      ...(runbook.description !== undefined ? { description: runbook.description } : {}),
      origin: entry.origin,
      ...(entry.file !== undefined ? { file: entry.file } : {}),
      version: entry.version,
      enabled: entry.enabled,
      triggers: { ...(incident !== undefined ? { incident } : {}), ...(alert !== undefined ? { alert } : {}), ...(schedule !== undefined ? { schedule } : {}), manual },
      approvalRequired: runbook.approval.required,
      autoRun: runbook.autoRun.enabled,
      stepCount: runbook.steps.length,
      updatedMs: entry.updatedMs,
      updatedBy: entry.updatedBy,
    };
  }

  detail(entry: CatalogEntry): RunbookDetail {
    const { runbook } = entry;
    const brief = (step: Runbook['steps'][number]) => ({ id: step.id, type: step.type, ...(step.name !== undefined ? { name: step.name } : {}) });
    return {
      ...this.summary(entry),
      source: entry.source,
      inputs: runbook.inputs,
      steps: runbook.steps.map(brief),
      rollback: runbook.rollback.map(brief),
      limits: runbook.limits,
      approval: runbook.approval,
      versions: entry.origin === 'api' ? this.#repository.versions(runbook.id) : [{ version: 1, createdMs: entry.updatedMs, createdBy: entry.updatedBy }],
    };
  }

  #refuseFile(id: string): void {
    const file = this.#files.get(id);
    if (file !== undefined) throw new OpsError('OPS_ERR_CONFLICT', [`runbook ${id} comes from the file ${file.file ?? ''} and is read-only through the API: edit the file (it is read at start)`]);
  }

  #loadDir(dir: string, loadedMs: number): void {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => EXTENSIONS.has(extname(name))).sort();
    } catch (error) {
      this.#fileProblems.push({ source: dir, line: 1, column: 1, message: `runbooks.dir cannot be read: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    for (const name of names) {
      const file = join(dir, name);
      const source = readFileSync(file, 'utf8');
      const loaded = loadRunbook(source, file);
      if (!loaded.ok) {
        this.#fileProblems.push(...loaded.problems);
        continue;
      }
      const other = this.#files.get(loaded.runbook.id);
      if (other !== undefined) {
        this.#fileProblems.push({ source: file, line: 1, column: 1, message: `runbook id "${loaded.runbook.id}" is also used by ${other.file ?? ''}; this file is skipped` });
        continue;
      }
      this.#files.set(loaded.runbook.id, { ...entryOf(loaded.runbook, 'file', source, 1, loadedMs, 'file'), file });
    }
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

function entryOf(runbook: Runbook, origin: 'file' | 'api', source: string, version: number, updatedMs: number, updatedBy: string): CatalogEntry {
  return { runbook, compiled: compileRunbook(runbook), origin, version, enabled: true, source, updatedMs, updatedBy };
}
