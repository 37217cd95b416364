/**
 * Upper tail of the binomial distribution, P(X >= k) for X ~ Binomial(n, p), as log10 so that
 * tails of 1e-300 and smaller stay comparable. Pure; exact summation of the terms from k up
 * (they fall geometrically once k is past the mean, so the loop stops after a few dozen).
 */

const LN10 = Math.log(10);
const TABLE_SIZE = 256;
const LOG_FACTORIAL = new Float64Array(TABLE_SIZE);
for (let i = 1; i < TABLE_SIZE; i++) LOG_FACTORIAL[i] = (LOG_FACTORIAL[i - 1] ?? 0) + Math.log(i);

/** ln(n!): a table below 256, Stirling's series above (error < 1e-10 there). */
export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return LOG_FACTORIAL[n] ?? 0;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/** log10 P(X >= k); 0 (certain) when k <= 0. */
export function log10BinomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 0;
  if (k > n || p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return 0;
  const logTermK = logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
  const odds = p / (1 - p);
  let term = 1;
  let sum = 1;
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * odds;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(0, (logTermK + Math.log(sum)) / LN10);
}
