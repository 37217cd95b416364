/** Names of the series opsloop derives from spans; RCA and the UI recognise them by these names. */
export const DERIVED = {
  requestRate: 'opsloop.service.request_rate',
  errorRatio: 'opsloop.service.error_ratio',
  latencyP95: 'opsloop.service.latency_p95',
  edgeRequestRate: 'opsloop.edge.request_rate',
  edgeErrorRatio: 'opsloop.edge.error_ratio',
  edgeLatencyP95: 'opsloop.edge.latency_p95',
} as const;

/** Label naming the callee on edge series (the series' own service is the caller). */
export const PEER_LABEL = 'peer';
