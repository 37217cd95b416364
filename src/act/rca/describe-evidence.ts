/** The plain-words reasoning behind one ranked cause. Pure. */
import type { ServiceEvidence } from './rank-causes.js';

export function describeEvidence(item: ServiceEvidence): string {
  const parts: string[] = [];
  if (item.own) parts.push(`${item.own.summary || item.own.name} since ${clock(item.own.startsMs)}`);
  if (item.seenByCallers) {
    const caller = item.seenByCallers.service ?? 'callers';
    parts.push(`${caller} → ${item.service}: ${item.seenByCallers.summary || item.seenByCallers.name}`);
  }
  if (item.change) {
    const lead = Math.round((item.onsetMs - item.change.timeMs) / 1000);
    const version = item.change.version ? ` ${item.change.version}` : '';
    const when = lead >= 0 ? `${lead} s before the first anomaly` : `${-lead} s after the first anomaly`;
    parts.push(`${item.change.kind}${version} at ${clock(item.change.timeMs)}, ${when}`);
  }
  if (item.explainedBy && item.explained >= 0.5) {
    parts.push(`probably a symptom: its callee ${item.explainedBy} went wrong at the same time or earlier`);
  } else {
    parts.push('nothing it calls explains it');
  }
  return parts.join('; ');
}

/** HH:MM:SSZ of an event time (formats a given instant; reads no clock). */
function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}
