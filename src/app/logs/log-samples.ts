/**
 * Fills a log signal's evidence with a few stored sample lines, found with the same filters as
 * its query, so an alert shows the lines themselves and not only where to look.
 */
import type { LogSample, Signal } from '../../core/records.js';
import type { Store } from '../../store/store.js';

const SAMPLES = 3;
/** Bodies may be 64 KiB; evidence is stored with every alert, so samples are cut. */
const SAMPLE_CHARS = 1000;

export function withLogSamples(store: Store, signal: Signal): Signal {
  const evidence = signal.logs;
  // A resolution's evidence is not kept (the alert keeps its firing one), so it needs no samples.
  if (!evidence || signal.status !== 'firing') return signal;
  const [only, ...others] = evidence.templates;
  const page = store.logs.search({
    service: evidence.service,
    ...(only && others.length === 0 ? { templateId: only.templateId } : {}),
    ...(evidence.minSeverity !== undefined ? { minSeverity: evidence.minSeverity } : {}),
    fromMs: evidence.fromMs,
    ...(evidence.toMs !== undefined ? { toMs: evidence.toMs } : {}),
    limit: SAMPLES,
  });
  const samples: LogSample[] = page.logs.map((log) => ({
    id: log.id,
    timeMs: log.timeMs,
    severityText: log.severityText,
    body: log.body.length > SAMPLE_CHARS ? `${log.body.slice(0, SAMPLE_CHARS)}…` : log.body,
    ...(log.templateId !== undefined ? { templateId: log.templateId } : {}),
  }));
  return { ...signal, logs: { ...evidence, samples } };
}
