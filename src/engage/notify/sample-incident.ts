/** A made-up incident for template previews and "send test": realistic enough to show every variable. Pure. */
import type { Alert, Incident } from '../../core/records.js';

export function sampleIncident(nowMs: number): { incident: Incident; alerts: Alert[] } {
  const startsMs = nowMs - 4 * 60_000;
  const alert = (id: string, service: string, name: string, summary: string): Alert => ({
    id,
    fingerprint: `sample-${id}`,
    source: 'alertmanager',
    name,
    service,
    status: 'firing',
    severity: 'critical',
    summary,
    labels: { alertname: name, service, severity: 'critical', team: 'payments', env: 'prod' },
    startsMs,
    lastSeenMs: nowMs,
    count: 3,
    incidentId: 'inc_sample',
  });
  const alerts = [
    alert('alr_sample1', 'payment', 'HighErrorRate', 'payment 5xx ratio at 12% (usually 0.2%)'),
    alert('alr_sample2', 'checkout', 'LatencyP95High', 'checkout p95 at 2.4 s (usually 180 ms)'),
  ];
  return {
    incident: {
      id: 'inc_sample',
      title: 'payment: HighErrorRate (sample)',
      status: 'triggered',
      severity: 'critical',
      services: ['payment', 'checkout'],
      startedMs: startsMs,
      updatedMs: nowMs,
      alertIds: alerts.map((a) => a.id),
      causes: [{ service: 'payment', score: 0.82, indicator: 'error ratio up', evidence: 'payment errors rose first; checkout calls payment' }],
    },
    alerts,
  };
}
