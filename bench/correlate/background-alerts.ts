/**
 * Unrelated background alerts, as a busy Alertmanager sends them beside an application's
 * storms: disks filling, certificates expiring, backups failing, nodes flapping, in other
 * clusters and on infrastructure outside the shop's service graph. Each episode re-fires
 * every minute while active (Prometheus re-sends active alerts), then resolves; a node
 * episode raises three alerts of one cause together. Episodes of one kind in one cluster that
 * overlap in time are one problem (one true group, as Alertmanager's usual grouping by
 * alertname and cluster has it); everything else is a group of its own. Seeded, so reproducible.
 */
import type { ReplayAlert } from '../../src/core/replay-record.js';
import { createRng, type Rng } from '../../src/demo/prng.js';

interface EpisodeKind {
  alerts: ReadonlyArray<{ name: string; summary: (target: string, rng: Rng) => string; severity: ReplayAlert['severity'] }>;
  service?: string;
  job: string;
}

const KINDS: readonly EpisodeKind[] = [
  { job: 'node-exporter', alerts: [{ name: 'NodeFilesystemAlmostFull', severity: 'warning', summary: (t, r) => `Filesystem /var on ${t} has ${r.int(3, 9)}% space left` }] },
  { job: 'blackbox', service: 'edge-proxy', alerts: [{ name: 'SSLCertExpiringSoon', severity: 'warning', summary: (t, r) => `TLS certificate for ${t} expires in ${r.int(2, 14)} days` }] },
  { job: 'velero', service: 'backup', alerts: [{ name: 'BackupFailed', severity: 'error', summary: (t) => `Nightly backup of volume ${t} failed: snapshot timeout` }] },
  {
    job: 'kube-state-metrics',
    alerts: [
      { name: 'KubeNodeNotReady', severity: 'critical', summary: (t) => `Node ${t} has been unready for more than 15 minutes` },
      { name: 'KubeNodeUnreachable', severity: 'warning', summary: (t) => `Node ${t} is unreachable and some workloads may be rescheduled` },
      { name: 'KubeletDown', severity: 'critical', summary: (t) => `Kubelet on ${t} has disappeared from Prometheus target discovery` },
    ],
  },
  { job: 'ldap-exporter', service: 'ldap', alerts: [{ name: 'LdapReplicationLag', severity: 'warning', summary: (t, r) => `LDAP replica ${t} lags the primary by ${r.int(40, 900)} s` }] },
  { job: 'ci', service: 'ci-runner', alerts: [{ name: 'CIRunnerQueueBacklog', severity: 'info', summary: (t, r) => `${r.int(30, 200)} jobs waiting for runner pool ${t}` }] },
];
const CLUSTERS = ['prod-eu-1', 'prod-us-2', 'staging', 'data-platform'];

/** Episodes starting about every `meanGapMs` over [fromMs, toMs). */
export function backgroundAlerts(seed: number, fromMs: number, toMs: number, meanGapMs = 150_000): ReplayAlert[] {
  const rng = createRng(seed).fork('background-alerts');
  const lines: ReplayAlert[] = [];
  let episode = 0;
  /** Per kind and cluster: the current group and when its last episode ends. */
  const ongoing = new Map<string, { label: string; untilMs: number }>();
  for (let t = fromMs + rng.uniform(0, meanGapMs); t < toMs; t += -Math.log(1 - rng.next()) * meanGapMs) {
    episode++;
    const kind = rng.pick(KINDS);
    const cluster = rng.pick(CLUSTERS);
    const target = `${kind.job === 'kube-state-metrics' || kind.job === 'node-exporter' ? 'node' : 'res'}-${rng.hex(3)}`;
    const durationMs = rng.uniform(2, 25) * 60_000;
    const problem = `${kind.job}/${cluster}`;
    const current = ongoing.get(problem);
    const label = current && current.untilMs >= t ? current.label : `seed${seed}:background:${episode}`;
    ongoing.set(problem, { label, untilMs: Math.max(current?.label === label ? current.untilMs : 0, t + 20_000 + durationMs) });
    for (const spec of kind.alerts) {
      const start = Math.round(t + rng.uniform(0, 20_000));
      const labels = { alertname: spec.name, cluster, job: kind.job, namespace: 'infra', instance: `${target}:9100`, severity: spec.severity };
      const base = { name: spec.name, ...(kind.service ? { service: kind.service } : {}), labels, summary: spec.summary(target, rng), severity: spec.severity, source: 'alertmanager', fingerprint: `seed${seed}:bg:${episode}:${spec.name}`, label };
      for (let at = start; at < start + durationMs; at += 60_000) lines.push({ ...base, time: at, status: 'firing' });
      lines.push({ ...base, time: Math.round(start + durationMs), status: 'resolved' });
    }
  }
  return lines;
}
