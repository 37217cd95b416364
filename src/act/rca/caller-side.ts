/**
 * Telling a broken caller from broken callees. Pure.
 *
 * What a caller sees of its calls is evidence against the callee only when something else
 * agrees. A pod whose network is delayed (or whose event loop, connection pool or sidecar is
 * stuck) sees its calls to its database, its queue and every service it calls go slow or fail
 * at once, and nobody else sees any of them change: those callees look exactly as guilty as a
 * callee that really broke, once per callee, while the pod itself only shows what its own
 * callers see. So when most of a caller's callees go wrong in its eyes alone, those caller-side
 * symptoms become one symptom of the caller's own.
 *
 * A callee is corroborated when another caller sees it go wrong too, when it shows strong
 * symptoms of its own, or when it sees its own callees go wrong (then the trouble is further
 * down, as with a slow database behind every service the caller uses).
 */
import type { ServiceGraph } from '../../core/service-graph.js';
import type { Symptom } from './symptom.js';

/** Caller-side symptoms weaker than this are background, not the pattern looked for. */
const MIN_STRENGTH = 0.5;
/** Own symptoms at least this strong make a callee's trouble its own. */
const CORROBORATING_STRENGTH = 0.5;
/** Share of the caller's known callees that must go wrong, uncorroborated, at once. */
const MOST_CALLEES = 2 / 3;
const MIN_CALLEES = 2;

export function attributeCallerSide(symptoms: readonly Symptom[], graph: ServiceGraph): Symptom[] {
  const byCaller = new Map<string, Map<string, Symptom[]>>();
  for (const symptom of symptoms) {
    if (!symptom.seenByCaller || symptom.peer === undefined || symptom.service === undefined) continue;
    if (symptom.strength < MIN_STRENGTH) continue;
    const callees = byCaller.get(symptom.service) ?? new Map<string, Symptom[]>();
    callees.set(symptom.peer, [...(callees.get(symptom.peer) ?? []), symptom]);
    byCaller.set(symptom.service, callees);
  }

  const movedCalls = new Set<string>();
  const own: Symptom[] = [];
  for (const [caller, callees] of byCaller) {
    const alone = [...callees].filter(([callee]) => !corroborated(callee, caller, symptoms));
    const known = new Set([...graph.callees(caller), ...callees.keys()]);
    const most = alone.length >= MIN_CALLEES && alone.length >= MOST_CALLEES * known.size;
    const mine = most ? alone : alone.filter(([callee]) => graph.callers(callee).some((other) => other !== caller));
    if (mine.length === 0) continue;
    for (const [callee] of mine) movedCalls.add(callKey(caller, callee));
    own.push(callerSymptom(caller, mine, graph));
  }
  if (own.length === 0) return [...symptoms];
  // Weaker caller-side symptoms of the same calls go too: they tell the same story, more faintly.
  const moved = (s: Symptom) => s.seenByCaller && s.service !== undefined && s.peer !== undefined && movedCalls.has(callKey(s.service, s.peer));
  return [...symptoms.filter((s) => !moved(s)), ...own];
}

function callKey(caller: string, callee: string): string {
  return `${caller}\u0000${callee}`;
}

function corroborated(callee: string, caller: string, symptoms: readonly Symptom[]): boolean {
  return symptoms.some(
    (s) =>
      (s.seenByCaller && s.peer === callee && s.service !== caller && s.strength >= MIN_STRENGTH) ||
      (s.service === callee && s.strength >= CORROBORATING_STRENGTH && (!s.seenByCaller || s.peer !== caller)),
  );
}

function callerSymptom(caller: string, mine: readonly [string, Symptom[]][], graph: ServiceGraph): Symptom {
  const seen = mine.flatMap(([, list]) => list);
  const strongest = seen.reduce((best, s) => (s.strength > best.strength ? s : best));
  const instance = mostNamed(seen.map((s) => s.instance));
  const slow = seen.every((s) => isLatency(s));
  const failing = seen.every((s) => isFailure(s));
  const peers = mine.map(([callee]) => callee);
  const how = slow ? 'slower' : failing ? 'failing' : 'going wrong';
  const others = [...new Set(peers.flatMap((peer) => graph.callers(peer)))].filter((other) => other !== caller);
  const nobodyElse = others.length > 0 ? `its other callers (${others.join(', ')}) see no change` : 'no one else sees them change';
  const what = peers.length > 1 ? `its calls to ${peers.join(', ')} are all ${how}` : `its calls to ${peers[0] ?? ''} are ${how}`;
  return {
    service: caller,
    ...(instance !== undefined ? { instance } : {}),
    seenByCaller: false,
    name: slow ? 'its own calls are slow' : failing ? 'its own calls fail' : 'its own calls go wrong',
    summary: `${what} and ${nobodyElse} (${strongest.summary || strongest.name})`,
    startsMs: Math.min(...seen.map((s) => s.startsMs)),
    strength: strongest.strength,
    resource: false,
  };
}

function isLatency(symptom: Symptom): boolean {
  return /latency|slow/.test(symptom.metric ?? symptom.name);
}

function isFailure(symptom: Symptom): boolean {
  return /error|fail/.test(symptom.metric ?? symptom.name);
}

/** The instance most of the symptoms name, if any does: the pod to look at. */
function mostNamed(instances: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const instance of instances) if (instance !== undefined) counts.set(instance, (counts.get(instance) ?? 0) + 1);
  let best: string | undefined;
  for (const [instance, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = instance;
  return best;
}
