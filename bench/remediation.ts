/**
 * `npm run bench:remediation` (issue 8): the demo's fault suite (one fault of each kind per
 * seed) run twice on a fresh opsloop each — with the shipped demo runbooks (runbooks/demo,
 * auto-run when their triggers match and what was learnt allows) and without any — and, per
 * fault, whether a runbook remediated it and verified the recovery with no human, and the time
 * to recovery: from the fault's start until both the fault is over and the incidents it opened
 * are resolved (event time; still open when the run ends counts until then). Faults last until
 * fixed, up to `--fault-minutes` (default 20, the demo's own is 3), so that recovery without
 * automation is not bounded by a fault that ends by itself and a verification cannot pass
 * because it did. The demo is paced (`--speed` simulated seconds per second) so the loop acts
 * while the fault is on, as it would live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startOpsloop } from '../src/app/start.js';
import { FaultKindSchema, type Fault } from '../src/core/api.js';
import type { Incident } from '../src/core/records.js';
import type { Store } from '../src/store/store.js';
import { ConfigSchema } from '../src/core/config.js';
import { shippedRunbooksDir } from '../src/demo/shipped-runbooks.js';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '7' }, speed: { type: 'string', default: '30' }, 'fault-minutes': { type: 'string', default: '20' }, verbose: { type: 'boolean', default: false }, arms: { type: 'string', default: 'with,without' } },
});
const seeds = values.seeds.split(',').map(Number);
const speed = Number(values.speed);
const faultMinutes = Number(values['fault-minutes']);
/** `--arms with` runs only the automated arm (the baseline does not depend on runbooks; on a loaded machine each arm takes long). */
const arms = new Set(values.arms.split(','));
const KINDS = FaultKindSchema.options;
const WARMUP_MINUTES = 20;
/** Warm-up, the first fault's delay, each fault with the longest gap after it, and time to resolve the last. */
const STORY_MINUTES = WARMUP_MINUTES + 0.5 + KINDS.length * (faultMinutes + 5) + 4;
/** Incidents may open a little before a fault: detection is bucketed. */
const LEAD_MS = 120_000;

interface FaultOutcome {
  fault: Fault;
  automated: boolean;
  recoveryMs: number;
  runbooks: string[];
  /** The top cause RCA gave the first incident the fault opened. */
  cause: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function runSuite(seed: number, withRunbooks: boolean): Promise<FaultOutcome[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-bench-remediation-'));
  // A known port: runbooks reach the demo's endpoints through the incident's URL.
  const port = await freePort();
  const runbooksDir = shippedRunbooksDir();
  const config = ConfigSchema.parse({
    dataDir,
    api: { port, host: '127.0.0.1' },
    otlp: { port: 0 },
    logLevel: 'silent',
    auth: { enabled: false },
    ...(withRunbooks && runbooksDir ? { runbooks: { dir: runbooksDir } } : {}),
  });
  const hourMs = 3_600_000;
  const startMs = Math.floor((Date.now() - 4 * hourMs) / hourMs) * hourMs;
  const untilMs = startMs + STORY_MINUTES * 60_000;
  const running = await startOpsloop(config, { logger: false, demo: { speed, seed, faultCount: KINDS.length, faultMinutes, warmupMinutes: WARMUP_MINUTES, startMs, untilMs } });
  try {
    await running.demoDone;
    await running.engine.settle();
    const faults = running.engine.demo()?.faults() ?? [];
    const incidents = running.engine.store.incidents.list({ limit: 10_000 });
    const executions = running.engine.store.runbooks.executions({ limit: 10_000 });
    return faults.map((fault) => {
      const over = fault.remediatedAt ?? fault.end;
      // Up to LEAD_MS after the fault is over, too: what a fix itself set off is part of the recovery.
      // An incident already open that the fault's alerts joined is the fault's too.
      const opened = incidents
        .filter((i) => i.startedMs <= over + LEAD_MS && (i.startedMs >= fault.start - LEAD_MS || ((i.resolvedMs ?? untilMs) >= fault.start && i.updatedMs >= fault.start && i.services.includes(fault.service))))
        .sort((a, b) => a.startedMs - b.startedMs);
      const ids = new Set(opened.map((i) => i.id));
      const ran = executions.filter((e) => e.incidentId !== undefined && ids.has(e.incidentId) && !e.dryRun).reverse();
      // Verified on the faulty service by a runbook no person started, and the ground truth says a remediation ended the fault.
      const verified = ran.some((e) => e.status === 'succeeded' && e.trigger.kind !== 'manual' && e.target === fault.service);
      const recoveredMs = Math.max(over, ...opened.map((i) => i.resolvedMs ?? untilMs));
      const top = opened.find((i) => i.causes.length > 0)?.causes[0];
      if (values.verbose) describe(fault, opened, ran, running.engine.store);
      return {
        fault,
        automated: verified && fault.remediatedAt !== undefined,
        recoveryMs: recoveredMs - fault.start,
        runbooks: ran.map((e) => `${e.runbookId.replace(/^demo-/, '')}:${e.status}`),
        cause: top ? `${top.service}: ${top.indicator}` : '-',
      };
    });
  } finally {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** --verbose: what each fault opened and what ran, on stderr, to see why a fault was or was not fixed. */
function describe(fault: Fault, opened: readonly Incident[], ran: ReadonlyArray<{ runbookId: string; status: string; error?: string | undefined }>, store: Store): void {
  const at = (ms: number | undefined) => (ms === undefined ? 'open' : `${minutes(ms - fault.start)}`);
  process.stderr.write(`${fault.kind} on ${fault.service}${fault.instance ? ` (${fault.instance})` : ''}: over at ${at(fault.remediatedAt ?? fault.end)} min${fault.remediation ? ` by ${fault.remediation}` : ''}\n`);
  for (const incident of opened) {
    const alerts = incident.alertIds.flatMap((id) => store.alerts.get(id) ?? []).map((a) => `${a.name}@${a.service ?? '?'}${a.status === 'resolved' ? '' : '(firing)'}`);
    process.stderr.write(`  ${at(incident.startedMs)}..${at(incident.resolvedMs)} ${incident.causes[0] ? `${incident.causes[0].service}: ${incident.causes[0].indicator}` : '-'} [${[...new Set(alerts)].join(', ')}]\n`);
  }
  for (const execution of ran) process.stderr.write(`  ran ${execution.runbookId}: ${execution.status}${execution.error ? ` (${execution.error.slice(0, 160)})` : ''}\n`);
}

const minutes = (ms: number) => (ms / 60_000).toFixed(1);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const withAutomation: FaultOutcome[] = [];
const without: FaultOutcome[] = [];
for (const seed of seeds) {
  if (arms.has('with')) {
    process.stderr.write(`seed ${seed}: with runbooks…\n`);
    withAutomation.push(...(await runSuite(seed, true)));
  }
  if (arms.has('without')) {
    process.stderr.write(`seed ${seed}: without…\n`);
    without.push(...(await runSuite(seed, false)));
  }
}

console.log('| seed | fault | top cause | automated | runbooks run | recovery with | recovery without |');
console.log('|---|---|---|---|---|---|---|');
for (let index = 0; index < Math.max(withAutomation.length, without.length); index++) {
  const outcome = withAutomation[index];
  const baseline = without[index];
  const fault = (outcome ?? baseline)?.fault;
  const seed = seeds[Math.floor(index / KINDS.length)];
  console.log(
    `| ${seed} | ${fault?.kind} on ${fault?.service} | ${outcome?.cause ?? '-'} | ${outcome ? (outcome.automated ? 'yes' : 'no') : '-'} | ${outcome?.runbooks.join(', ') || '-'} | ${outcome ? minutes(outcome.recoveryMs) : '-'} min | ${baseline ? minutes(baseline.recoveryMs) : '-'} min |`,
  );
}
const automated = withAutomation.filter((o) => o.automated).length;
const mttrWith = mean(withAutomation.map((o) => o.recoveryMs));
const mttrWithout = mean(without.map((o) => o.recoveryMs));
console.log(`\nremediated and verified automatically: ${automated} of ${withAutomation.length} faults (${((100 * automated) / Math.max(1, withAutomation.length)).toFixed(1)} %; target ≥ 90 %)`);
const both = withAutomation.length > 0 && without.length > 0 ? ` (×${(mttrWithout / Math.max(1, mttrWith)).toFixed(2)} faster)` : '';
console.log(`MTTR with automation ${withAutomation.length > 0 ? minutes(mttrWith) : '-'} min, without ${without.length > 0 ? minutes(mttrWithout) : '-'} min${both}; seeds ${seeds.join(',')}, speed ×${speed}, faults last until fixed up to ${faultMinutes} min`);
