/**
 * Gathers what prioritisation reads for findings, once per batch: the catalog (stored entries
 * over the configuration's seed), runtime evidence per service from the store's telemetry
 * (last seen, and the request-rate series derived from its spans), KEV and EPSS entries, and
 * the learned weights.
 */
import type { Config } from '../../core/config.js';
import type { Factor, Finding } from '../../core/findings-api.js';
import type { CatalogEntry } from '../../core/incident-api.js';
import type { PriorityContext, RuntimeEvidence } from '../../act/vulns/prioritise.js';
import type { KevEntry } from '../../act/vulns/threat-intel.js';
import { DERIVED } from '../../observe/traces/derived-series.js';
import type { Store } from '../../store/store.js';

const HOUR_MS = 3_600_000;
/** Weights of findings no team owns. */
export const NO_TEAM = '*';

export class PriorityContexts {
  readonly catalog: Map<string, CatalogEntry | undefined>;
  readonly #store: Store;
  readonly #settings: Config['findings'];
  readonly #nowMs: number;
  readonly #lastSeen: Map<string, number>;
  readonly #weights: Map<string, { weight: number; feedback: number }>;
  readonly #runtime = new Map<string, RuntimeEvidence>();

  constructor(store: Store, options: { seeded: Config['catalog']; settings: Config['findings']; nowMs: number }) {
    this.#store = store;
    this.#settings = options.settings;
    this.#nowMs = options.nowMs;
    this.#lastSeen = new Map(store.topology.services().map((s) => [s.name, s.lastSeenMs]));
    this.catalog = new Map<string, CatalogEntry | undefined>();
    for (const name of this.#lastSeen.keys()) this.catalog.set(name, undefined);
    for (const [name, entry] of Object.entries(options.seeded)) this.catalog.set(name, entry);
    for (const [name, { entry }] of store.catalog.all()) this.catalog.set(name, entry);
    this.#weights = new Map(store.findings.weights().map((w) => [`${w.team}\u0000${w.factor}`, { weight: w.weight, feedback: w.feedback }]));
  }

  /** The owner team of the first service that has one. */
  teamOf(services: readonly string[]): string | undefined {
    return services.map((s) => this.catalog.get(s)?.ownerTeam).find((team) => team !== undefined);
  }

  weight(team: string | undefined, factor: Factor): { weight: number; feedback: number } {
    return this.#weights.get(`${team ?? NO_TEAM}\u0000${factor}`) ?? { weight: 1, feedback: 0 };
  }

  for(finding: Finding): PriorityContext {
    const cves = finding.aliases.filter((id) => id.startsWith('CVE-'));
    const kevRecord = cves.map((cve) => this.#store.findings.kev(cve)).find((r) => r !== undefined);
    const epss = cves
      .map((cve) => {
        const score = this.#store.findings.epss(cve);
        return score === undefined ? undefined : { cve, ...score };
      })
      .filter((s) => s !== undefined)
      .sort((a, b) => b.probability - a.probability)[0];
    const entries = finding.services.map((s) => this.catalog.get(s));
    const tiers = entries.map((e) => e?.tier).filter((t): t is number => t !== undefined);
    const facing = entries.map((e) => e?.internetFacing).filter((f): f is boolean => f !== undefined);
    return {
      ...(kevRecord === undefined ? {} : { kev: JSON.parse(kevRecord) as KevEntry }),
      ...(epss === undefined ? {} : { epss }),
      // The most critical service it runs in decides.
      ...(tiers.length > 0 ? { tier: Math.min(...tiers) } : {}),
      ...(facing.length > 0 ? { internetFacing: facing.some((f) => f) } : {}),
      runtime: this.runtime(finding.services),
      weight: (factor) => this.weight(finding.team, factor),
      epssPocThreshold: this.#settings.epssPocThreshold,
      deadlineDays: this.#settings.deadlineDays,
      nowMs: this.#nowMs,
    };
  }

  runtime(services: readonly string[]): RuntimeEvidence {
    if (services.length === 0) return { state: 'unmapped', detail: 'no catalog service matches the target: runtime unknown' };
    const states = services.map((service) => this.serviceRuntime(service));
    const order: ReadonlyArray<RuntimeEvidence['state']> = ['serving', 'running', 'silent'];
    return [...states].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state))[0] as RuntimeEvidence;
  }

  private serviceRuntime(service: string): RuntimeEvidence {
    const known = this.#runtime.get(service);
    if (known) return known;
    const windowMs = this.#settings.runtimeWindowHours * HOUR_MS;
    const since = this.#nowMs - windowMs;
    const lastSeen = this.#lastSeen.get(service);
    let evidence: RuntimeEvidence;
    if (lastSeen === undefined || lastSeen < since) {
      evidence = { state: 'silent', detail: `${service}: no telemetry in the last ${this.#settings.runtimeWindowHours} h` };
    } else {
      const requests = this.#store.telemetry.listSeries({ service }).find((s) => s.name === DERIVED.requestRate && s.lastMs >= since);
      evidence = requests
        ? { state: 'serving', detail: `${service} serves requests (spans up to ${new Date(requests.lastMs).toISOString()})` }
        : { state: 'running', detail: `${service} reports telemetry (last ${new Date(lastSeen).toISOString()}) but no requests` };
    }
    this.#runtime.set(service, evidence);
    return evidence;
  }
}
