/**
 * Records and HTTP shapes of security findings (docs/findings.md): imported scans, findings
 * with their lifecycle, prioritisation (risk score with its breakdown, SSVC decision),
 * remediation plans and tasks, feedback, and the KEV/EPSS files. Shared by the server
 * (validation + OpenAPI), the CLI and web/ (types through z.infer).
 */
import { z } from 'zod';
import { QueryTimeSchema } from './incident-api.js';

const BySchema = z.string().trim().min(1).max(200).default('api').describe('Who acts; kept in the finding history');

export const SCANNER_FORMATS = ['trivy', 'grype', 'sarif', 'cyclonedx', 'osv-scanner'] as const;
export const ScannerFormatSchema = z.enum(SCANNER_FORMATS);
export type ScannerFormat = z.infer<typeof ScannerFormatSchema>;

export const TargetKindSchema = z.enum(['image', 'repository', 'sbom', 'filesystem']);
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const VulnSeveritySchema = z.enum(['critical', 'high', 'medium', 'low', 'none', 'unknown']);
export type VulnSeverity = z.infer<typeof VulnSeveritySchema>;

/**
 * open → triaged → in_remediation → fixed (a later scan of the target no longer reports it);
 * risk_accepted (with reason and expiry, back to open when it expires); suppressed (a VEX
 * statement says the product is not affected). Any of them back to open when a scan reports
 * a fixed finding again.
 */
export const FINDING_STATUSES = ['open', 'triaged', 'in_remediation', 'fixed', 'risk_accepted', 'suppressed'] as const;
export const FindingStatusSchema = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatusSchema>;
/** Statuses that still need work: they count as open, have deadlines and can breach them. */
export const ACTIVE_STATUSES: readonly FindingStatus[] = ['open', 'triaged', 'in_remediation'];

/** CISA's SSVC decisions, most urgent last. */
export const DECISIONS = ['Track', 'Track*', 'Attend', 'Act'] as const;
export const DecisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof DecisionSchema>;

export const CvssEntrySchema = z.object({
  version: z.enum(['2.0', '3.0', '3.1', '4.0']),
  vector: z.string().optional(),
  score: z.number().min(0).max(10).optional().describe('As the scanner or vendor gave it'),
  source: z.string().optional().describe('Who scored it (nvd, ghsa, redhat …)'),
});
export type CvssEntry = z.infer<typeof CvssEntrySchema>;

export const FindingPackageSchema = z.object({
  name: z.string(),
  ecosystem: z.string().optional().describe('purl type: npm, pypi, golang, maven, deb, apk …'),
  purl: z.string().optional().describe('Package URL without version and qualifiers'),
  installedVersions: z.array(z.string()),
});

export const SuppressionSchema = z.object({
  state: z.string().describe('CycloneDX analysis.state: not_affected, resolved, false_positive'),
  justification: z.string().optional(),
  detail: z.string().optional(),
  scanId: z.string(),
});

export const FindingSchema = z.object({
  id: z.string(),
  vulnerabilityId: z.string().describe('CVE when any scanner named one, else GHSA, else the scanner id'),
  aliases: z.array(z.string()).describe('Every id scanners gave it (CVE, GHSA, OSV …), sorted'),
  title: z.string().optional(),
  description: z.string().optional(),
  package: FindingPackageSchema,
  target: z.object({ name: z.string().describe('Normalised: an image without tag or digest, a repository URL without scheme and .git'), kind: TargetKindSchema }),
  locations: z.array(z.string()).describe('Paths inside the target (lock files, OS package database …)'),
  fixedVersions: z.array(z.string()),
  cvss: z.array(CvssEntrySchema),
  vendorSeverity: VulnSeveritySchema,
  scanners: z.array(ScannerFormatSchema).describe('Formats that reported it'),
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
  lastScanId: z.string(),
  status: FindingStatusSchema,
  statusReason: z.string().optional(),
  acceptedUntilMs: z.number().optional().describe('risk_accepted: when the acceptance expires and the finding reopens'),
  suppression: SuppressionSchema.optional(),
  fixedMs: z.number().optional(),
  verifiedByScanId: z.string().optional().describe('The scan that no longer reported it'),
  services: z.array(z.string()).describe('Catalog services whose image, repository or name matches the target'),
  team: z.string().optional().describe('Owner team of the first service'),
  updatedMs: z.number(),
});
export type Finding = z.infer<typeof FindingSchema>;

// --- Prioritisation ------------------------------------------------------------------------------

export const FACTORS = ['severity', 'exploitation', 'exposure', 'runtime', 'fix'] as const;
export const FactorSchema = z.enum(FACTORS);
export type Factor = z.infer<typeof FactorSchema>;

export const ScoreFactorSchema = z.object({
  factor: FactorSchema,
  points: z.number().describe('Before the learned weight'),
  max: z.number().describe('Most points the factor can give'),
  weight: z.number().describe("Learned from the owner team's feedback (1 until there is any)"),
  weighted: z.number().describe('points × weight: what the score adds'),
  explanation: z.string(),
});
export type ScoreFactor = z.infer<typeof ScoreFactorSchema>;

export const SsvcSchema = z.object({
  exploitation: z.enum(['none', 'poc', 'active']),
  automatable: z.enum(['no', 'yes']),
  technicalImpact: z.enum(['partial', 'total']),
  missionWellbeing: z.enum(['low', 'medium', 'high']),
  decision: DecisionSchema,
  reasons: z.array(z.string()).describe('Why each decision point has its value'),
});
export type Ssvc = z.infer<typeof SsvcSchema>;

export const CvssScoreSchema = z.object({
  version: z.enum(['2.0', '3.0', '3.1', '4.0']),
  vector: z.string().optional(),
  baseScore: z.number(),
  severity: VulnSeveritySchema,
  computed: z.boolean().describe('true: computed from the vector by opsloop; false: the score the scanner gave'),
  macroVector: z.string().optional().describe('CVSS 4.0: the EQ1–EQ6 levels of the vector'),
});
export type CvssScore = z.infer<typeof CvssScoreSchema>;

export const PrioritySchema = z.object({
  score: z.number().min(0).max(100),
  breakdown: z.array(ScoreFactorSchema),
  cvss: CvssScoreSchema.optional().describe('The CVSS score used for severity (the newest version with a vector)'),
  severity: VulnSeveritySchema,
  kev: z.object({ dateAdded: z.string().optional(), dueDate: z.string().optional(), ransomware: z.string().optional() }).optional(),
  epss: z.object({ probability: z.number(), percentile: z.number() }).optional(),
  ssvc: SsvcSchema,
  dueMs: z.number().describe('Deadline from the decision (findings.deadlineDays), counted from first seen'),
  computedMs: z.number(),
});
export type Priority = z.infer<typeof PrioritySchema>;

export const PrioritisedFindingSchema = FindingSchema.extend({ priority: PrioritySchema, overdue: z.boolean() });
export type PrioritisedFinding = z.infer<typeof PrioritisedFindingSchema>;

// --- History, plans, tasks -----------------------------------------------------------------------

export const FindingHistoryEntrySchema = z.object({
  timeMs: z.number(),
  from: FindingStatusSchema.optional().describe('Absent on creation'),
  to: FindingStatusSchema,
  by: z.string(),
  reason: z.string(),
});
export type FindingHistoryEntry = z.infer<typeof FindingHistoryEntrySchema>;

export const RemediationPlanSchema = z.object({
  installedVersions: z.array(z.string()),
  fixedVersion: z.string().optional().describe('The nearest fixed version at or above every installed one'),
  upgradePath: z.array(z.string()).describe('e.g. ["4.17.20 → 4.17.21"]; empty without a fix'),
  affectedServices: z.array(z.string()),
  target: z.string(),
  taskId: z.string(),
  action: z.string().describe('What to do, in words'),
});
export type RemediationPlan = z.infer<typeof RemediationPlanSchema>;

/**
 * The work for one package of one service (or of a target no service claims): the inputs a
 * remediation runbook takes (service, package, fixed version, image or repository).
 */
export const RemediationTaskSchema = z.object({
  id: z.string(),
  service: z.string().optional(),
  team: z.string().optional(),
  target: z.object({ name: z.string(), kind: TargetKindSchema }),
  package: z.object({ name: z.string(), ecosystem: z.string().optional(), purl: z.string().optional() }),
  installedVersions: z.array(z.string()),
  fixedVersion: z.string().optional().describe('Satisfies every finding of the task that has a fix'),
  findingIds: z.array(z.string()),
  vulnerabilityIds: z.array(z.string()),
  decision: DecisionSchema.describe('The most urgent decision among its findings'),
  dueMs: z.number().describe('The earliest deadline among its findings'),
  overdue: z.boolean(),
  status: z.enum(['open', 'in_remediation']).describe('in_remediation once every finding of it is'),
  runbookInputs: z.record(z.string(), z.string()).describe('service, package, ecosystem, fixedVersion, image or repository: what a remediation runbook is started with'),
});
export type RemediationTask = z.infer<typeof RemediationTaskSchema>;

// --- HTTP shapes ---------------------------------------------------------------------------------

export const ScanSummarySchema = z.object({
  id: z.string(),
  format: ScannerFormatSchema,
  target: z.object({ name: z.string(), kind: TargetKindSchema }),
  importedMs: z.number(),
  observations: z.number().int().describe('Vulnerabilities the report listed'),
  complete: z.boolean().describe('false for a VEX statement: it verifies no fix'),
});
export type ScanSummary = z.infer<typeof ScanSummarySchema>;

export const ImportQuerySchema = z.object({
  format: ScannerFormatSchema.optional().describe('Detected from the report when absent'),
  target: z.string().trim().min(1).max(500).optional().describe('What was scanned (image, repository URL, name); taken from the report when absent'),
  targetKind: TargetKindSchema.optional(),
});

export const ImportResponseSchema = z.object({
  scan: ScanSummarySchema,
  created: z.number().int(),
  seen: z.number().int().describe('Already known, seen again'),
  reopened: z.number().int(),
  fixed: z.number().int().describe('Verified fixed: not reported by this scan any more'),
  suppressed: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponseSchema>;

const csv = (what: string) => z.string().max(500).optional().describe(`Comma-separated ${what}`);
export const FindingListQuerySchema = z.object({
  status: csv('statuses; default open,triaged,in_remediation'),
  severity: csv('severities'),
  decision: csv('SSVC decisions (Track, Track*, Attend, Act)'),
  service: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  kev: z.enum(['true', 'false']).optional().describe('Only findings in (true) or not in (false) the KEV catalogue'),
  fixable: z.enum(['true', 'false']).optional().describe('Only findings with (true) or without (false) a fixed version'),
  q: z.string().max(200).optional().describe('Substring of the vulnerability id, an alias, the package or the target'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});
export type FindingListQuery = z.infer<typeof FindingListQuerySchema>;

export const FindingListResponseSchema = z.object({
  findings: z.array(PrioritisedFindingSchema).describe('Highest risk score first'),
  nextCursor: z.string().optional(),
});

export const FindingDetailResponseSchema = z.object({
  finding: PrioritisedFindingSchema,
  history: z.array(FindingHistoryEntrySchema).describe('Oldest first'),
  plan: RemediationPlanSchema,
  evidence: z.object({
    scans: z.array(ScanSummarySchema).describe('The latest scans of its target, newest first'),
    runtime: z.string().describe('What telemetry says about the affected services'),
  }),
});

export const FindingPatchBodySchema = z
  .object({
    status: z.enum(['open', 'triaged', 'in_remediation', 'risk_accepted']),
    reason: z.string().trim().min(1).max(4000).optional().describe('Required to accept a risk'),
    expiresAt: z.union([z.number().int().positive(), QueryTimeSchema]).optional().describe('Required to accept a risk: when it reopens (epoch ms or RFC 3339)'),
    by: BySchema,
  })
  .refine((body) => body.status !== 'risk_accepted' || (body.reason !== undefined && body.expiresAt !== undefined), {
    message: 'accepting a risk needs a reason and expiresAt',
    path: ['status'],
  });
export type FindingPatchBody = z.infer<typeof FindingPatchBodySchema>;

export const FEEDBACK_VERDICTS = ['not_exploitable_here', 'priority_too_high', 'priority_too_low'] as const;
export const FindingFeedbackBodySchema = z.object({
  verdict: z.enum(FEEDBACK_VERDICTS),
  factor: FactorSchema.optional().describe('The factor the verdict is about; default: exploitation for not_exploitable_here, else the factor that added most'),
  note: z.string().trim().max(4000).optional(),
  by: BySchema,
});
export type FindingFeedbackBody = z.infer<typeof FindingFeedbackBodySchema>;

export const LearnedWeightSchema = z.object({ team: z.string(), factor: FactorSchema, weight: z.number(), feedback: z.number().int() });
export type LearnedWeight = z.infer<typeof LearnedWeightSchema>;
export const FeedbackResponseSchema = z.object({ weight: LearnedWeightSchema, finding: PrioritisedFindingSchema });

export const TaskListQuerySchema = z.object({
  service: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const TaskListResponseSchema = z.object({ tasks: z.array(RemediationTaskSchema).describe('Earliest deadline first') });

export const OverviewQuerySchema = z.object({
  from: QueryTimeSchema.optional().describe('Start of the burn-down (default: 30 days before to)'),
  to: QueryTimeSchema.optional().describe('End of the burn-down (default: now)'),
  points: z.coerce.number().int().min(2).max(400).default(31),
});

export const OverviewResponseSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  byDecision: z.record(DecisionSchema, z.number().int()),
  bySeverity: z.record(VulnSeveritySchema, z.number().int()),
  byStatus: z.record(FindingStatusSchema, z.number().int()),
  kev: z.number().int().describe('Open findings in the KEV catalogue'),
  burndown: z.array(z.object({ timeMs: z.number(), open: z.number().int(), overdue: z.number().int() })).describe('Open (and overdue) findings at each time, oldest first'),
  intel: z.lazy(() => IntelStatusSchema),
});

export const IntelFileStatusSchema = z.object({
  entries: z.number().int(),
  version: z.string().optional().describe('KEV catalogVersion, EPSS model_version'),
  date: z.string().optional().describe('KEV dateReleased, EPSS score_date'),
  loadedMs: z.number(),
  source: z.string().describe('A path, or "upload"'),
});
export type IntelFileStatus = z.infer<typeof IntelFileStatusSchema>;
export const IntelStatusSchema = z.object({ kev: IntelFileStatusSchema.optional(), epss: IntelFileStatusSchema.optional() });
export type IntelStatus = z.infer<typeof IntelStatusSchema>;
