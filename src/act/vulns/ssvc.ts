/**
 * SSVC decisions as CISA uses them ("CISA Stakeholder-Specific Vulnerability Categorization
 * Guide", 2022; the decision table as published by CERT/CC, CERTCC/SSVC
 * data/csv/cisa/cisa_coordinator_2_0_3.csv): exploitation, automatable, technical impact and
 * mission & well-being impact → Track, Track*, Attend or Act. The decision points come from
 * evidence opsloop has: KEV and EPSS for exploitation, the CVSS vector for automatable and
 * technical impact, the service tier for mission & well-being (docs/findings.md).
 */
import type { Decision, Ssvc } from '../../core/findings-api.js';

type Exploitation = Ssvc['exploitation'];
type MissionWellbeing = Ssvc['missionWellbeing'];

/**
 * The 36 rows of the table, ordered exploitation (none, poc, active) × automatable (no, yes) ×
 * technical impact (partial, total) × mission & well-being (low, medium, high).
 */
const TABLE: readonly Decision[] = [
  // none
  'Track', 'Track', 'Track', 'Track', 'Track', 'Track*',
  'Track', 'Track', 'Attend', 'Track', 'Track', 'Attend',
  // public poc
  'Track', 'Track', 'Track*', 'Track', 'Track*', 'Attend',
  'Track', 'Track', 'Attend', 'Track', 'Track*', 'Attend',
  // active
  'Track', 'Track', 'Attend', 'Track', 'Attend', 'Act',
  'Attend', 'Attend', 'Act', 'Attend', 'Act', 'Act',
];

const EXPLOITATION: readonly Exploitation[] = ['none', 'poc', 'active'];
const MISSION: readonly MissionWellbeing[] = ['low', 'medium', 'high'];

export interface SsvcPoints {
  exploitation: Exploitation;
  automatable: Ssvc['automatable'];
  technicalImpact: Ssvc['technicalImpact'];
  missionWellbeing: MissionWellbeing;
}

export function ssvcDecision(points: SsvcPoints): Decision {
  const index =
    EXPLOITATION.indexOf(points.exploitation) * 12 +
    (points.automatable === 'yes' ? 6 : 0) +
    (points.technicalImpact === 'total' ? 3 : 0) +
    MISSION.indexOf(points.missionWellbeing);
  return TABLE[index] as Decision;
}

/** Tier 1 (customer-facing, critical) high, tier 2 medium, tiers 3–4 low; unknown tier medium. */
export function missionWellbeingOfTier(tier: number | undefined): MissionWellbeing {
  if (tier === undefined) return 'medium';
  return tier <= 1 ? 'high' : tier === 2 ? 'medium' : 'low';
}
