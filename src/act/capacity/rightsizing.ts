/**
 * Right-sizing of one instance's CPU or memory: usage percentiles over a window against its
 * request and limit, a recommendation and what it saves. Pure.
 *
 * The recommendation follows the usual practice of Kubernetes right-sizing tools (the Vertical
 * Pod Autoscaler's recommender targets a high percentile of usage plus a safety margin): request
 * = p95 × headroom, so the scheduler reserves what the instance needs nearly all the time; limit =
 * max × headroom, so the worst moment seen still fits. Savings are against the current request,
 * which is what a cluster reserves and pays for.
 *
 * Flags: idle when even p95 is under `idleShare` of the request (or of the limit without one);
 * over-provisioned when the recommendation frees at least `overShare` of the request;
 * under-provisioned when p95 is above the request or the max reaches `underLimitShare` of the limit.
 */
import type { ResourceSizing } from '../../core/capacity-api.js';
import { quantile } from '../../observe/traces/duration-percentiles.js';

export interface SizingOptions {
  headroom: number;
  /** @default 0.05 */
  idleShare?: number;
  /** @default 0.3 */
  overShare?: number;
  /** @default 0.9 */
  underLimitShare?: number;
}

export function sizeResource(
  usage: readonly number[],
  allocation: { request?: number; limit?: number },
  options: SizingOptions,
): ResourceSizing | undefined {
  const values = usage.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const stats = {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    max: values.at(-1) as number,
    samples: values.length,
  };
  const { request, limit } = allocation;
  const recommendedRequest = stats.p95 * options.headroom;
  const recommendedLimit = stats.max * options.headroom;
  const savings = request === undefined ? 0 : request - recommendedRequest;
  const savingsShare = request !== undefined && request > 0 ? savings / request : undefined;
  const flags: ResourceSizing['flags'] = [];
  const reference = request ?? limit;
  if (reference !== undefined && reference > 0 && stats.p95 < (options.idleShare ?? 0.05) * reference) flags.push('idle');
  if (savingsShare !== undefined && savingsShare >= (options.overShare ?? 0.3)) flags.push('over-provisioned');
  if ((request !== undefined && stats.p95 > request) || (limit !== undefined && stats.max >= (options.underLimitShare ?? 0.9) * limit)) flags.push('under-provisioned');
  if (request === undefined) flags.push('no-request');
  if (limit === undefined) flags.push('no-limit');
  return {
    usage: stats,
    ...(request === undefined ? {} : { request }),
    ...(limit === undefined ? {} : { limit }),
    recommendedRequest,
    recommendedLimit,
    savings,
    ...(savingsShare === undefined ? {} : { savingsShare }),
    flags,
  };
}
