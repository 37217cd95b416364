/** Splits a CVSS vector ("CVSS:3.1/AV:N/AC:L/…") into metrics, refusing duplicates and bad values. */

export class CvssVectorError extends Error {
  constructor(vector: string, problem: string) {
    super(`CVSS vector "${vector}": ${problem}`);
    this.name = 'CvssVectorError';
  }
}

/**
 * `allowed` lists each known metric's values; `required` the metrics a base score needs.
 * Metrics outside `allowed` are refused: a typo must not silently score as something else.
 */
export function parseCvssMetrics(vector: string, prefix: string, allowed: Readonly<Record<string, readonly string[]>>, required: readonly string[]): Map<string, string> {
  if (!vector.startsWith(`${prefix}/`)) throw new CvssVectorError(vector, `does not start with ${prefix}/`);
  const metrics = new Map<string, string>();
  for (const part of vector.slice(prefix.length + 1).split('/')) {
    const [metric, value, extra] = part.split(':');
    if (metric === undefined || value === undefined || extra !== undefined) throw new CvssVectorError(vector, `"${part}" is not METRIC:VALUE`);
    const values = allowed[metric];
    if (values === undefined) throw new CvssVectorError(vector, `unknown metric ${metric}`);
    if (!values.includes(value)) throw new CvssVectorError(vector, `${metric}:${value} is not one of ${values.join(', ')}`);
    if (metrics.has(metric)) throw new CvssVectorError(vector, `${metric} given twice`);
    metrics.set(metric, value);
  }
  const missing = required.filter((metric) => !metrics.has(metric));
  if (missing.length > 0) throw new CvssVectorError(vector, `missing ${missing.join(', ')}`);
  return metrics;
}
