/**
 * Synthetic alert signals for bench:alerts: every 20 consecutive new alerts are one fault's
 * storm on one small application (three services calling each other, apart from the other
 * applications in the graph), with detector-style names; a signal either repeats an open
 * alert (what deduplication folds) or opens a new one (what correlation places). Seeded.
 */
import type { Signal } from '../../src/core/records.js';
import { ServiceGraph } from '../../src/core/service-graph.js';
import { createRng, type Rng } from '../../src/demo/prng.js';

const NAMES = ['error ratio up', 'p95 latency up', 'p99 latency up', 'request rate up', 'CPU utilisation up', 'memory usage up', 'slow spans'];
const PER_STORM = 20;

function serviceOf(id: number): string {
  return `app-${Math.floor(id / PER_STORM)}-${id % 3}`;
}

/** Applications of three services (web → api → db) for `alerts` alerts' storms. */
export function benchGraph(alerts: number): ServiceGraph {
  const edges: Array<{ caller: string; callee: string }> = [];
  for (let app = 0; app <= alerts / PER_STORM; app++) {
    edges.push({ caller: `app-${app}-0`, callee: `app-${app}-1` }, { caller: `app-${app}-1`, callee: `app-${app}-2` });
  }
  return new ServiceGraph(edges);
}

export class AlertStorm {
  private readonly rng: Rng;
  private next = 0;
  readonly open: string[] = [];

  constructor(seed: number) {
    this.rng = createRng(seed);
  }

  /** A firing signal for a new fingerprint at `timeMs`. */
  fresh(timeMs: number): Signal {
    const id = this.next++;
    const fingerprint = `fp-${id}`;
    this.open.push(fingerprint);
    return this.signal(fingerprint, NAMES[id % NAMES.length] as string, serviceOf(id), timeMs, 'firing');
  }

  /** A repeat of an open fingerprint. */
  repeat(timeMs: number): Signal {
    const fingerprint = this.rng.pick(this.open);
    const id = Number(fingerprint.slice(3));
    return this.signal(fingerprint, NAMES[id % NAMES.length] as string, serviceOf(id), timeMs, 'firing');
  }

  resolve(fingerprint: string, timeMs: number): Signal {
    const id = Number(fingerprint.slice(3));
    return this.signal(fingerprint, NAMES[id % NAMES.length] as string, serviceOf(id), timeMs, 'resolved');
  }

  private signal(fingerprint: string, name: string, service: string, timeMs: number, status: Signal['status']): Signal {
    return {
      kind: 'anomaly',
      source: 'bench',
      fingerprint,
      name,
      service,
      status,
      severity: 'error',
      timeMs,
      summary: `${name}: ${this.rng.int(2, 900)} ms, ${this.rng.int(2, 80)}x its usual`,
      labels: { metric: `opsloop.service.${name.replace(/ /g, '_')}`, app: service.slice(0, service.lastIndexOf('-')) },
    };
  }
}
