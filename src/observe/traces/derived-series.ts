/** Names of the series opsloop derives from spans; RCA and the UI recognise them by these names. */
export const DERIVED = {
  requestRate: 'opsloop.service.request_rate',
  errorRatio: 'opsloop.service.error_ratio',
  latencyP50: 'opsloop.service.latency_p50',
  latencyP95: 'opsloop.service.latency_p95',
  latencyP99: 'opsloop.service.latency_p99',
  edgeRequestRate: 'opsloop.edge.request_rate',
  edgeErrorRatio: 'opsloop.edge.error_ratio',
  edgeLatencyP50: 'opsloop.edge.latency_p50',
  edgeLatencyP95: 'opsloop.edge.latency_p95',
  edgeLatencyP99: 'opsloop.edge.latency_p99',
} as const;

/** Label naming the callee on edge series (the series' own service is the caller). */
export const PEER_LABEL = 'peer';
