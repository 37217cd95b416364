/**
 * Similar past incidents: every incident becomes a bag of terms from its title, its alerts'
 * names and summaries, the log templates behind them, its services and its alerts' labels; the
 * incidents most similar to one are the best BM25 matches of its own bag against all others
 * (bm25.ts). Services and labels become single terms (`service:checkout`, `region=eu-1`) so a
 * shared service weighs as one rare term, not as the common words of its name. Pure.
 */
import type { Alert, Incident } from '../../core/records.js';
import { Bm25Index, type Bm25Hit } from './bm25.js';

export interface IncidentDocument {
  incident: Incident;
  alerts: readonly Alert[];
}

/** Words of free text: lower case, letters and digits, at least two characters; the template wildcard `<*>` is dropped. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replaceAll('<*>', ' ')
      .match(/[\p{L}\p{N}]+/gu)
      ?.filter((word) => word.length > 1) ?? []
  );
}

/** Labels that identify one alert, not what it is about: they would make every alert of a source alike. */
const IGNORED_LABELS = new Set(['alertname', 'service', 'instance', 'fingerprint', 'dedup_key']);

export function incidentTerms({ incident, alerts }: IncidentDocument): string[] {
  const terms = [...words(incident.title)];
  for (const service of incident.services) terms.push(`service:${service.toLowerCase()}`);
  for (const alert of alerts) {
    terms.push(...words(alert.name), ...words(alert.summary));
    if (alert.service) terms.push(`service:${alert.service.toLowerCase()}`);
    for (const template of alert.logs?.templates ?? []) terms.push(...words(template.template));
    if (alert.traces) terms.push(...words(alert.traces.operation), ...(alert.traces.errorType ? words(alert.traces.errorType) : []));
    for (const [key, value] of Object.entries(alert.labels)) {
      if (!IGNORED_LABELS.has(key)) terms.push(`${key.toLowerCase()}=${value.toLowerCase()}`);
    }
  }
  return terms;
}

/** The incidents of `corpus` most similar to `target`, best first; the target itself is never among them. */
export function rankSimilar(target: IncidentDocument, corpus: readonly IncidentDocument[], limit: number): Bm25Hit[] {
  const index = new Bm25Index(corpus.map((document) => ({ id: document.incident.id, terms: incidentTerms(document) })));
  return index.search(incidentTerms(target), { limit, exclude: new Set([target.incident.id]) });
}
