export {
  PAGERDUTY_SEVERITIES,
  PagerDutyAcceptedSchema,
  PagerDutyEventSchema,
  PagerDutyInvalidSchema,
  v1EventProblem,
  type PagerDutyEvent,
  type PagerDutyFollowUp,
  type PagerDutyInvalid,
  type PagerDutyTrigger,
} from './event-schema.js';
export {
  PAGERDUTY_SOURCE,
  alertFingerprint,
  dedupKeyOf,
  flattenDetails,
  resolveToSignal,
  triggerTimeMs,
  triggerToSignal,
} from './event-to-signal.js';
