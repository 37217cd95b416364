/**
 * The running instances (pods) of each service and their OTel resource. Names and ids come
 * from the seeded generator so a seed always yields the same pods. Pure.
 */
import type { ResourceJson } from './otlp-json.js';
import { toKeyValues } from './otlp-json.js';
import type { Language } from './topology.js';
import { POSTGRES, SERVICES } from './topology.js';
import type { Rng } from './prng.js';

export interface Instance {
  service: string;
  language: Language;
  memoryMb: number;
  /** Mutable: a bad deploy changes it for the fault's duration. */
  version: string;
  id: string;
  pod: string;
  host: string;
  /** Process start; cumulative metrics count from here, and a crash restarts it. */
  startMs: number;
}

export interface Fleet {
  all: readonly Instance[];
  byService: ReadonlyMap<string, readonly Instance[]>;
  postgres: Instance;
}

// Kubernetes pod-name suffixes use this alphabet (no vowels, no ambiguous characters).
const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function podSuffix(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += POD_ALPHABET.charAt(rng.int(0, POD_ALPHABET.length - 1));
  return out;
}

function uuid(rng: Rng): string {
  const h = rng.hex(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

export function createFleet(rng: Rng, startMs: number): Fleet {
  const nodes = [0, 1, 2].map(() => `gke-shop-default-pool-${rng.hex(4)}-${podSuffix(rng, 4)}`);
  const all: Instance[] = [];
  const byService = new Map<string, Instance[]>();
  for (const spec of SERVICES) {
    const replicaSet = podSuffix(rng, 10);
    const instances: Instance[] = [];
    for (let i = 0; i < spec.instances; i++) {
      instances.push({
        service: spec.name,
        language: spec.language,
        memoryMb: spec.memoryMb,
        version: spec.version,
        id: uuid(rng),
        pod: `${spec.name}-${replicaSet}-${podSuffix(rng, 5)}`,
        host: rng.pick(nodes),
        startMs,
      });
    }
    byService.set(spec.name, instances);
    all.push(...instances);
  }
  const postgres: Instance = {
    service: POSTGRES.service,
    language: 'go',
    memoryMb: 1200,
    version: '16.4',
    id: uuid(rng),
    pod: 'postgres-0',
    host: rng.pick(nodes),
    startMs,
  };
  return { all, byService, postgres };
}

export function resourceOf(instance: Instance): ResourceJson {
  return {
    attributes: toKeyValues({
      'service.name': instance.service,
      'service.namespace': 'shop',
      'service.version': instance.version,
      'service.instance.id': instance.id,
      'k8s.namespace.name': 'shop',
      'k8s.pod.name': instance.pod,
      'host.name': instance.host,
      'deployment.environment.name': 'demo',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': instance.language,
    }),
  };
}
