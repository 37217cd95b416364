/**
 * A finding's priority: a risk score 0–100 that is the sum of five factors, each shown with its
 * points, its learned weight and why (docs/findings.md "The risk score"), beside CISA's SSVC
 * decision and the deadline that decision sets. Pure: the caller gathers KEV, EPSS, catalog,
 * telemetry and the team's learned weights.
 */
import type { Decision, Factor, Finding, Priority, ScoreFactor, Ssvc, VulnSeverity } from '../../core/findings-api.js';
import { bestCvss, bestVectorMetrics } from './cvss-score.js';
import { missionWellbeingOfTier, ssvcDecision } from './ssvc.js';
import type { EpssScore, KevEntry } from './threat-intel.js';

const DAY_MS = 86_400_000;

/** What telemetry says about the services the finding's target maps to. */
export interface RuntimeEvidence {
  /** serving: requests in the window; running: other telemetry only; silent: nothing recent; unmapped: no service known. */
  state: 'serving' | 'running' | 'silent' | 'unmapped';
  detail: string;
}

export interface PriorityContext {
  kev?: KevEntry;
  epss?: EpssScore;
  tier?: number;
  internetFacing?: boolean;
  runtime: RuntimeEvidence;
  /** The owner team's learned weight of each factor (1 without feedback), and how much feedback made it. */
  weight(factor: Factor): { weight: number; feedback: number };
  /** EPSS probability at or above which exploitation counts as "poc" for SSVC. */
  epssPocThreshold: number;
  deadlineDays: Readonly<Record<Decision, number>>;
  nowMs: number;
}

/** Representative scores for a severity word when no CVSS score is known (mid-band). */
const SEVERITY_SCORES: Readonly<Record<VulnSeverity, number>> = { critical: 9.5, high: 8, medium: 5.5, low: 2.5, none: 0, unknown: 5 };
const TIER_POINTS: Readonly<Record<number, number>> = { 1: 10, 2: 7, 3: 4, 4: 1 };
const RUNTIME_POINTS: Readonly<Record<RuntimeEvidence['state'], number>> = { serving: 10, running: 6, unmapped: 5, silent: 0 };

export function prioritise(finding: Finding, context: PriorityContext): Priority {
  const cvss = bestCvss(finding.cvss);
  const severity: VulnSeverity = cvss?.severity ?? finding.vendorSeverity;
  const raw: Array<Omit<ScoreFactor, 'weight' | 'weighted'>> = [
    severityFactor(cvss?.baseScore, finding.vendorSeverity, cvss ? `CVSS ${cvss.version} ${cvss.baseScore}${cvss.computed ? ' (computed from the vector)' : ' (as given)'}` : undefined),
    exploitationFactor(context),
    exposureFactor(context),
    { factor: 'runtime', points: RUNTIME_POINTS[context.runtime.state], max: 10, explanation: context.runtime.detail },
    finding.fixedVersions.length > 0
      ? { factor: 'fix', points: 5, max: 5, explanation: `fixed in ${finding.fixedVersions.join(', ')}: an upgrade removes it` }
      : { factor: 'fix', points: 0, max: 5, explanation: 'no fixed version yet: mitigate, or accept the risk until there is one' },
  ];
  const breakdown: ScoreFactor[] = raw.map((factor) => {
    const learned = context.weight(factor.factor);
    const weighted = round1(factor.points * learned.weight);
    const note = learned.feedback > 0 ? `; weight ${learned.weight} learned from ${learned.feedback} feedback` : '';
    return { ...factor, points: round1(factor.points), weight: learned.weight, weighted, explanation: factor.explanation + note };
  });
  const score = round1(Math.min(100, Math.max(0, breakdown.reduce((sum, factor) => sum + factor.weighted, 0))));
  const ssvc = ssvcOf(finding, context, severity);
  return {
    score,
    breakdown,
    ...(cvss ? { cvss } : {}),
    severity,
    ...(context.kev ? { kev: { ...(context.kev.dateAdded ? { dateAdded: context.kev.dateAdded } : {}), ...(context.kev.dueDate ? { dueDate: context.kev.dueDate } : {}), ...(context.kev.ransomware ? { ransomware: context.kev.ransomware } : {}) } } : {}),
    ...(context.epss ? { epss: { probability: context.epss.probability, percentile: context.epss.percentile } } : {}),
    ssvc,
    dueMs: finding.firstSeenMs + context.deadlineDays[ssvc.decision] * DAY_MS,
    computedMs: context.nowMs,
  };
}

function severityFactor(baseScore: number | undefined, vendor: VulnSeverity, cvssText: string | undefined): Omit<ScoreFactor, 'weight' | 'weighted'> {
  const score = baseScore ?? SEVERITY_SCORES[vendor];
  const why = cvssText ?? `no CVSS score: the scanner's severity "${vendor}" counts as ${score}`;
  return { factor: 'severity', points: score * 4, max: 40, explanation: `${why}; 4 points per CVSS point` };
}

function exploitationFactor(context: PriorityContext): Omit<ScoreFactor, 'weight' | 'weighted'> {
  if (context.kev) return { factor: 'exploitation', points: 25, max: 25, explanation: `in CISA's KEV catalogue (added ${context.kev.dateAdded ?? '?'}): exploited in the wild` };
  if (context.epss) {
    const { probability, percentile } = context.epss;
    return { factor: 'exploitation', points: 20 * percentile, max: 25, explanation: `EPSS ${probability} (percentile ${percentile}): 20 × percentile; not in KEV` };
  }
  return { factor: 'exploitation', points: 0, max: 25, explanation: 'not in KEV and no EPSS score loaded for it' };
}

function exposureFactor(context: PriorityContext): Omit<ScoreFactor, 'weight' | 'weighted'> {
  const tierPoints = context.tier === undefined ? 5 : (TIER_POINTS[context.tier] ?? 1);
  const facingPoints = context.internetFacing === undefined ? 5 : context.internetFacing ? 10 : 0;
  const tierText = context.tier === undefined ? 'tier unknown (5)' : `tier ${context.tier} (${tierPoints})`;
  const facingText = context.internetFacing === undefined ? 'internet exposure unknown (5)' : context.internetFacing ? 'internet-facing (10)' : 'not internet-facing (0)';
  return { factor: 'exposure', points: tierPoints + facingPoints, max: 20, explanation: `${tierText}, ${facingText}` };
}

function ssvcOf(finding: Finding, context: PriorityContext, severity: VulnSeverity): Ssvc {
  const reasons: string[] = [];
  let exploitation: Ssvc['exploitation'] = 'none';
  if (context.kev) {
    exploitation = 'active';
    reasons.push('exploitation active: in the KEV catalogue');
  } else if (context.epss && context.epss.probability >= context.epssPocThreshold) {
    exploitation = 'poc';
    reasons.push(`exploitation poc: EPSS ${context.epss.probability} ≥ ${context.epssPocThreshold}`);
  } else {
    reasons.push(context.epss ? `exploitation none: not in KEV, EPSS ${context.epss.probability} < ${context.epssPocThreshold}` : 'exploitation none: not in KEV, no EPSS score');
  }
  const vector = bestVectorMetrics(finding.cvss);
  let automatable: Ssvc['automatable'] = 'no';
  let technicalImpact: Ssvc['technicalImpact'] = severity === 'critical' ? 'total' : 'partial';
  if (vector) {
    const m = vector.metrics;
    const remote = m['AV'] === 'N' && m['AC'] === 'L' && m['PR'] === 'N' && m['UI'] === 'N' && (vector.version === '3' || m['AT'] === 'N');
    automatable = remote ? 'yes' : 'no';
    reasons.push(remote ? 'automatable yes: network, low complexity, no privileges, no user interaction' : 'automatable no: needs access, privileges, interaction or special conditions');
    const [c, i] = vector.version === '3' ? [m['C'], m['I']] : [m['VC'], m['VI']];
    technicalImpact = c === 'H' && i === 'H' ? 'total' : 'partial';
    reasons.push(technicalImpact === 'total' ? 'technical impact total: high confidentiality and integrity impact' : 'technical impact partial: not both confidentiality and integrity high');
  } else {
    reasons.push(`automatable no: no CVSS vector (assumed); technical impact ${technicalImpact} from severity ${severity}`);
  }
  const missionWellbeing = missionWellbeingOfTier(context.tier);
  reasons.push(`mission & well-being ${missionWellbeing}: ${context.tier === undefined ? 'tier unknown' : `tier ${context.tier}`}`);
  const points = { exploitation, automatable, technicalImpact, missionWellbeing };
  return { ...points, decision: ssvcDecision(points), reasons };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
