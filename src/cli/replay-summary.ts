/** What `opsloop replay` prints: the grouping figures, before and after feedback when asked. */
import type { GroupingReplayResult } from '../engage/correlate/grouping-replay.js';
import type { ReplayRun } from './replay-run.js';

export function formatReplaySummary(file: string, run: ReplayRun): string {
  const lines = [`${file}: ${run.before.metrics.events} alert events, ${run.before.metrics.alerts} alerts after deduplication`];
  lines.push('');
  lines.push(`${''.padEnd(18)}incidents  compression  (per alert)  purity  completeness`);
  lines.push(row(run.after ? 'without feedback' : 'correlated', run.before));
  if (run.after) lines.push(row('with feedback', run.after));
  lines.push('');
  if (run.before.metrics.labelled === 0) lines.push('No line has a "label": purity and completeness need the true groups.');
  else lines.push(`Purity and completeness over the ${run.before.metrics.labelled} alerts with a label.`);
  if (run.after) {
    const { recorded, applied, examples } = run.after.feedback;
    const weights = Object.entries(run.after.model.weights).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(', ');
    lines.push(`Feedback: ${applied} of ${recorded} recorded merges and splits applied, ${examples.length} training examples; weights now ${weights}.`);
  } else if (run.before.feedback.recorded > 0) {
    lines.push(`${run.before.feedback.recorded} recorded merges and splits were not applied; --feedback applies them.`);
  }
  return `${lines.join('\n')}\n`;
}

function row(label: string, result: GroupingReplayResult): string {
  const m = result.metrics;
  const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
  const num = (share: number | undefined) => (share === undefined ? 'n/a' : share.toFixed(3));
  return `${label.padEnd(18)}${String(m.incidents).padStart(9)}  ${pct(m.compression).padStart(11)}  ${pct(m.alertCompression).padStart(11)}  ${num(m.purity).padStart(6)}  ${num(m.completeness).padStart(12)}`;
}
