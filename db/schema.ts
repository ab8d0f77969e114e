import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BurdenCategory } from '~/domain/burden/calc';
import type { VersionLabel } from '~/domain/journey/types';
import type { GateAnswer } from '~/domain/phases/gate';
import type { PlanStatus } from '~/domain/plans/status';
import type { EvaluationDesign, EvaluationStatus } from '~/domain/evaluations/plan';
import type { Method, ParticipantCategory } from '~/domain/pra/rules';
import type { Health, MilestoneStatus, Phase } from '~/domain/portfolio/types';

/** ISO-8601 text on SQLite; written by the app, never by a database default. */
type Timestamp = string;

export type { Health, MilestoneStatus, Phase };
export type MembershipRole = 'lead' | 'member' | 'viewer';
export type AccessRequestStatus = 'waiting' | 'approved' | 'declined';
export type DeactivationReason = 'inactive' | 'removed';

interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
}

interface PersonTable {
  id: Generated<number>;
  name: string;
  email: string;
  title: string | null;
  agency_id: number;
  /** OMB leads own the whole program; every other role is per portfolio. */
  is_omb_lead: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  /** The IANA zone the person reads moments in; null = the default (Eastern). */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last sign-in, by password or through the OpenID provider. */
  last_sign_in_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when the person's access was turned off; they cannot sign in. */
  deactivated_at: ColumnType<string | null, string | null | undefined, string | null>;
  deactivated_reason: ColumnType<
    DeactivationReason | null,
    DeactivationReason | null | undefined,
    DeactivationReason | null
  >;
}

interface AccountTable {
  person_id: number;
  password_hash: string;
  is_demo: ColumnType<number, number | undefined, number>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  last_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: Timestamp;
}

interface SessionTable {
  /** SHA-256 of the cookie token, so a copy of the database cannot be replayed as a cookie. */
  id_hash: string;
  person_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  auth_method: ColumnType<'password' | 'oidc', 'password' | 'oidc' | undefined, never>;
  /** The authentication context asked of the provider (its `acr_values`). */
  acr: ColumnType<string | null, string | null | undefined, never>;
  /** 1 when the provider said a PIV/CAC card was presented; null for a password session. */
  x509_presented: ColumnType<number | null, number | null | undefined, never>;
  /** The last request of the person: the idle timeout runs from here. */
  last_seen_at: Timestamp;
}

interface IdentityLinkTable {
  id: Generated<number>;
  person_id: number;
  issuer: string;
  subject: string;
  email_at_link: string;
  linked_at: Timestamp;
  last_used_at: Timestamp | null;
}

interface SignInFlowTable {
  id_hash: string;
  kind: 'authorize' | 'verified';
  state: string | null;
  nonce: string | null;
  code_verifier: string | null;
  assurance: string;
  redirect_to: string;
  expected_subject: string | null;
  issuer: string | null;
  subject: string | null;
  email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

interface InvitationTable {
  id: Generated<number>;
  email: string;
  name: string;
  agency_id: number;
  portfolio_id: number | null;
  role: MembershipRole | null;
  omb_lead: ColumnType<number, number | undefined, number>;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
  accepted_at: Timestamp | null;
  accepted_person_id: number | null;
}

interface AccessRequestTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  email: string;
  name: string;
  agency_id: number;
  portfolio_id: number;
  role: MembershipRole;
  reason: string;
  status: AccessRequestStatus;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  note: string | null;
  person_id: number | null;
}

interface AccessReviewTable {
  id: Generated<number>;
  portfolio_id: number;
  fiscal_year: number;
  quarter: number;
  reviewed_by: number | null;
  reviewed_at: Timestamp;
}

interface PortfolioTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  lead_agency_id: number;
  cycle_start_fy: number;
  charter_text: string;
  source_note: string;
  charter_revision: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface CharterSignatureTable {
  id: Generated<number>;
  portfolio_id: number;
  agency_id: number;
  person_id: number;
  /** The charter revision signed; older than the portfolio's current one means "needs renewal". */
  charter_revision: number;
  signed_at: Timestamp;
}

interface PhaseRequestTable {
  id: Generated<number>;
  project_id: number;
  kind: 'advance' | 'move_back';
  from_phase: Phase;
  to_phase: Phase;
  evidence: string;
  requested_by: number;
  requested_at: Timestamp;
  status: 'pending' | 'advanced' | 'held' | 'moved_back' | 'superseded';
  closed_at: Timestamp | null;
  closed_by: number | null;
  /** Set when an OMB lead decided instead of the agencies (or moved the project back). */
  override_reason: string | null;
}

interface PhaseRequestAgencyTable {
  request_id: number;
  agency_id: number;
}

interface PhaseAnswerTable {
  id: Generated<number>;
  request_id: number;
  agency_id: number;
  person_id: number;
  answer: GateAnswer;
  comment: string;
  answered_at: Timestamp;
}

interface PhaseReaffirmationTable {
  id: Generated<number>;
  project_id: number;
  agency_id: number;
  person_id: number;
  phase: Phase;
  comment: string;
  at: Timestamp;
}

interface JourneyMapTable {
  id: Generated<number>;
  portfolio_id: number;
  project_id: number | null;
  title: string;
  personas: string;
  description: string;
  version_label: VersionLabel;
  version_name: string;
  /** 1 for maps the workspace drew from public texts for illustration, not research. */
  illustrative: ColumnType<number, number | undefined, number>;
  source_note: string;
  copied_from_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set while the record is archived: out of the lists, still readable and cited. */
  archived_at: Timestamp | null;
  archived_by: number | null;
}

interface JourneyStageTable {
  id: Generated<number>;
  map_id: number;
  position: number;
  name: string;
}

interface JourneyStepTable {
  id: Generated<number>;
  map_id: number;
  stage_id: number;
  position: number;
  step_key: string;
  title: string;
  /** JSON array of actor names. */
  actors: string;
  score: number;
  channel: string;
  touchpoint: string;
  pain_points: string;
  opportunities: string;
  notes: string;
}

interface JourneyStepProjectTable {
  step_id: number;
  project_id: number;
}

interface WorkspaceSettingTable {
  key: string;
  /** JSON. */
  value: string;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

interface BurdenAssessmentTable {
  id: Generated<number>;
  portfolio_id: number;
  journey_map_id: number | null;
  service_name: string;
  title: string;
  /** Hourly wage override in cents; null uses the workspace default. */
  wage_cents: number | null;
  wage_source: string;
  multiplier_milli: ColumnType<number, number | undefined, number>;
  baseline_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set while the record is archived: out of the lists, still readable and cited. */
  archived_at: Timestamp | null;
  archived_by: number | null;
}

interface BurdenItemTable {
  id: Generated<number>;
  assessment_id: number;
  item_key: string;
  step_id: number | null;
  category: BurdenCategory;
  description: string;
  people_per_year: number;
  occurrences_hundredths: number;
  seconds_per_occurrence: number;
  out_of_pocket_cents: number;
  stress: number | null;
  stigma: number | null;
  frustration: number | null;
  autonomy: number | null;
  time_equivalent_seconds: number | null;
  position: number;
}

interface BurdenSegmentTable {
  id: Generated<number>;
  assessment_id: number;
  segment_key: string;
  name: string;
  share_bp: number;
  wage_cents: number | null;
  /** Time on each item as a whole percentage of the base item's (100 = the same). */
  time_percent: Generated<number>;
}

interface BurdenSegmentOverrideTable {
  segment_id: number;
  item_id: number;
  seconds_per_occurrence: number | null;
  out_of_pocket_cents: number | null;
}

interface PraClearanceTable {
  id: Generated<number>;
  portfolio_id: number;
  title: string;
  kind: 'generic' | 'standard' | 'fast_track' | 'emergency';
  omb_control_number: string | null;
  expires_on: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

interface ResearchActivityTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  method: Method;
  purpose: string;
  questions: string;
  questions_fingerprint: string | null;
  unscripted: ColumnType<number, number | undefined, number>;
  phase: Phase;
  screening_questions: string;
  incentive_cents: number | null;
  incentive_kind: string;
  counsel_approved: ColumnType<number, number | undefined, number>;
  /** JSON: the PRA decision record (pra.digital.gov's questions, outcome, reviewer). */
  decision: string;
  override_reason: string | null;
  override_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set while the record is archived: out of the lists, still readable and cited. */
  archived_at: Timestamp | null;
  archived_by: number | null;
}

interface ResearchActivityClearanceTable {
  activity_id: number;
  clearance_id: number;
}

interface ResearchSessionTable {
  id: Generated<number>;
  activity_id: number;
  held_on: string;
  created_at: Timestamp;
}

interface ResearchParticipantTable {
  id: Generated<number>;
  session_id: number;
  /** A pseudonymous code such as P-014; never a name or contact. */
  code: string;
  category: ParticipantCategory;
}

interface ActionPlanTable {
  id: Generated<number>;
  portfolio_id: number;
  fiscal_year: number;
  title: string;
  /** tiptap JSON, sanitized before it is stored. */
  doc: string;
  status: PlanStatus;
  draft_due: string;
  final_due: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface ActionPlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  name: string;
  note: string;
  doc: string;
  saved_by: number | null;
  saved_at: Timestamp;
}

interface ActionPlanCitationTable {
  id: Generated<number>;
  plan_id: number;
  /** Index into PLAN_SECTIONS. */
  section: number;
  kind: 'journey_step' | 'research_activity' | 'burden_savings';
  ref_id: number;
  note: string;
  created_by: number | null;
  created_at: Timestamp;
}

interface ActionPlanCommentTable {
  id: Generated<number>;
  plan_id: number;
  section: number;
  body: string;
  author_id: number;
  created_at: Timestamp;
  resolved_by: number | null;
  resolved_at: Timestamp | null;
}

interface PmcUpdateTable {
  id: Generated<number>;
  fiscal_year: number;
  quarter: number;
  /** A quarter has at most one update that is not withdrawn. */
  status: 'draft' | 'published' | 'withdrawn';
  highlights: string;
  excluded: string;
  annotations: string;
  portfolio_order: string;
  /** JSON: portfolio slug → milestone keys in the OMB lead's order. */
  item_order: ColumnType<string, string | undefined, string>;
  snapshot: string | null;
  published_at: Timestamp | null;
  published_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** A withdrawn update keeps its snapshot; when, by whom and why it was withdrawn. */
  withdrawn_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  withdrawn_by: ColumnType<number | null, number | null | undefined, number | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The withdrawn update this one corrects, and what it corrects. */
  corrects_id: ColumnType<number | null, number | null | undefined, number | null>;
  correction_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A project's success measure (issue 20); its status is computed, never stored. */
interface SuccessMeasureTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  data_source: string;
  cadence: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  tolerance: number | null;
  owner_agency_id: number | null;
  /** Where the actual values come from (app/domain/measures/sources.ts). */
  source_kind: ColumnType<MeasureSourceKind, MeasureSourceKind | undefined, MeasureSourceKind>;
  source_collection_id: ColumnType<number | null, number | null | undefined, number | null>;
  source_assessment_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type MeasureSourceKind = 'manual' | 'survey_trust' | 'burden_hours' | 'burden_dollars';

interface MeasureActualTable {
  id: Generated<number>;
  measure_id: number;
  value: number;
  on_date: string;
  note: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

/** A pilot's evaluation plan (issue 20, GAO-12-208G). */
interface EvaluationPlanTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  questions: string;
  design: EvaluationDesign;
  design_detail: string;
  population: string;
  sample: string;
  analysis_plan: string;
  decision_rule: string;
  status: EvaluationStatus;
  findings: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A post-transaction survey of one service (issue 20; Touchpoints' collection detail). */
interface SurveyCollectionTable {
  id: Generated<number>;
  portfolio_id: number;
  service_name: string;
  agency_id: number;
  journey_step_id: number | null;
  survey_title: string;
  channel: string;
  service_stage: string;
  scale: 'thumbs' | 'likert';
  trust_question_text: string;
  omb_control_number: ColumnType<string, string | undefined, string>;
  /** The Likert points that count as agreeing, as "4,5". */
  likert_affirmative: ColumnType<string, string | undefined, string>;
  illustrative: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface SurveyCollectionProjectTable {
  collection_id: number;
  project_id: number;
}

/** One quarter's import; `tally` is the JSON every figure is computed from. */
interface SurveyDatasetTable {
  id: Generated<number>;
  collection_id: number;
  fiscal_year: number;
  quarter: number;
  volume_of_customers: number;
  customers_offered: number;
  respondents: number;
  tally: string;
  open_text: ColumnType<number, number | undefined, number>;
  file_name: string;
  imported_at: Timestamp;
  imported_by: number | null;
  replaced_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  replaced_by: ColumnType<number | null, number | null | undefined, number | null>;
}

interface SurveyResponseTable {
  id: Generated<number>;
  dataset_id: number;
  line: number;
  question_1: number;
  positive_effectiveness: number | null;
  negative_effectiveness: number | null;
  positive_ease: number | null;
  negative_ease: number | null;
  positive_efficiency: number | null;
  negative_efficiency: number | null;
  positive_transparency: number | null;
  negative_transparency: number | null;
  positive_humanity: number | null;
  negative_humanity: number | null;
  positive_employee: number | null;
  negative_employee: number | null;
  positive_other: number | null;
  negative_other: number | null;
  question_4: string | null;
}

interface EvaluationPlanActivityTable {
  plan_id: number;
  activity_id: number;
}

interface PortfolioAgencyTable {
  portfolio_id: number;
  agency_id: number;
  /** The agency's PMC member, who signs the charter for it. */
  pmc_member_id: number | null;
}

interface PortfolioMembershipTable {
  portfolio_id: number;
  person_id: number;
  role: MembershipRole;
}

interface AgencyPocTable {
  id: Generated<number>;
  portfolio_id: number;
  agency_id: number;
  person_id: number;
  started_at: Timestamp;
  /** Null while this person is the agency's current POC for the portfolio. */
  ended_at: Timestamp | null;
}

interface ProjectTable {
  id: Generated<number>;
  portfolio_id: number;
  name: string;
  summary: string;
  pain_points: string;
  outcomes_short_term: string;
  outcomes_long_term: string;
  theory_of_change: string;
  phase: Phase;
  health: Health;
  health_reason: string | null;
  owner_agency_id: number | null;
  source_note: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface ProjectAgencyTable {
  project_id: number;
  agency_id: number;
}

interface MilestoneTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  /** Who owns it, as performance.gov prints it (one or more agencies, or a team). */
  owner: string;
  timing_fy: number | null;
  timing_quarter: number | null;
  due_date: string | null;
  status: MilestoneStatus;
  completed_on: string | null;
  notes: string;
  source_note: string;
  position: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  portfolio_id: number | null;
  project_id: number | null;
  /** JSON: { field: { before, after } } for the fields that changed. */
  changes: string;
}

/** A shared document's Yjs state as of its last compaction (db/migrations/…-16). */
interface CollabDocumentTable {
  /** `<kind>:<id>`, e.g. `action_plan:12`. */
  name: string;
  state: Uint8Array;
  updated_at: Timestamp;
}

/** Yjs updates received since the document's last compaction, in order. */
interface CollabUpdateTable {
  id: Generated<number>;
  name: string;
  update: Uint8Array;
  /** Who sent it (null for a change the server made). */
  person_id: number | null;
  at: Timestamp;
}

interface NotificationTable {
  id: Generated<number>;
  /** Who is told. */
  person_id: number;
  kind: string;
  /** What caused it (`phase_request:12`): a person is told of one thing once. */
  source: string;
  title: string;
  body: string;
  /** Where it leads, a path within the workspace. */
  link: string;
  portfolio_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /**
   * The email outbox: 'pending', 'sending', 'sent', 'failed' (after the last try), 'off' (the
   * person chose no email), 'digest' (waiting for the daily digest) or 'digested'.
   */
  email_status: string;
  email_attempts: Generated<number>;
  email_next_at: Timestamp | null;
  email_error: string | null;
  emailed_at: Timestamp | null;
  /** The daily digest (a notification of kind 'daily_digest') that gathered this one. */
  digest_id: number | null;
  /** The authority of a one-click unsubscribe from this notification's email. */
  unsubscribe_token: string | null;
}

/** How a person hears of one kind by email; no row means at once. */
interface NotificationPreferenceTable {
  person_id: number;
  kind: string;
  /** 'immediate', 'digest' or 'off'. */
  delivery: string;
  updated_at: Timestamp;
}

/**
 * One searchable thing (issue 23), derived from its record by db/search-index.ts; SQLite's FTS5
 * table and PostgreSQL's GIN index are built over `title` and `body`.
 */
interface SearchEntryTable {
  id: Generated<number>;
  /** A SearchKind (app/domain/search/kinds.ts). */
  kind: string;
  record_id: number;
  /** The audited record (an EntityType) whose change rewrites this entry, and its id. */
  owner_type: string;
  owner_id: number;
  portfolio_id: number | null;
  project_id: number | null;
  title: string;
  body: string;
  /** Where it sits ("Journey map: …"), shown with the result; not searched. */
  context: string;
  url: string;
  /** A SearchAudience: who may find it. */
  audience: string;
  archived: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface Database {
  agencies: AgencyTable;
  people: PersonTable;
  accounts: AccountTable;
  sessions: SessionTable;
  identity_links: IdentityLinkTable;
  sign_in_flows: SignInFlowTable;
  invitations: InvitationTable;
  access_requests: AccessRequestTable;
  access_reviews: AccessReviewTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  portfolios: PortfolioTable;
  portfolio_agencies: PortfolioAgencyTable;
  portfolio_memberships: PortfolioMembershipTable;
  agency_pocs: AgencyPocTable;
  projects: ProjectTable;
  project_agencies: ProjectAgencyTable;
  milestones: MilestoneTable;
  audit_log: AuditLogTable;
  charter_signatures: CharterSignatureTable;
  phase_requests: PhaseRequestTable;
  phase_request_agencies: PhaseRequestAgencyTable;
  phase_answers: PhaseAnswerTable;
  phase_reaffirmations: PhaseReaffirmationTable;
  journey_maps: JourneyMapTable;
  journey_stages: JourneyStageTable;
  journey_steps: JourneyStepTable;
  journey_step_projects: JourneyStepProjectTable;
  workspace_settings: WorkspaceSettingTable;
  burden_assessments: BurdenAssessmentTable;
  burden_items: BurdenItemTable;
  burden_segments: BurdenSegmentTable;
  burden_segment_overrides: BurdenSegmentOverrideTable;
  pra_clearances: PraClearanceTable;
  research_activities: ResearchActivityTable;
  research_activity_clearances: ResearchActivityClearanceTable;
  research_sessions: ResearchSessionTable;
  research_participants: ResearchParticipantTable;
  action_plans: ActionPlanTable;
  action_plan_versions: ActionPlanVersionTable;
  action_plan_citations: ActionPlanCitationTable;
  action_plan_comments: ActionPlanCommentTable;
  pmc_updates: PmcUpdateTable;
  success_measures: SuccessMeasureTable;
  measure_actuals: MeasureActualTable;
  evaluation_plans: EvaluationPlanTable;
  evaluation_plan_activities: EvaluationPlanActivityTable;
  survey_collections: SurveyCollectionTable;
  survey_collection_projects: SurveyCollectionProjectTable;
  survey_datasets: SurveyDatasetTable;
  survey_responses: SurveyResponseTable;
  collab_documents: CollabDocumentTable;
  collab_updates: CollabUpdateTable;
  search_entries: SearchEntryTable;
}

export type Agency = Selectable<AgencyTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type Account = Selectable<AccountTable>;
export type Portfolio = Selectable<PortfolioTable>;
export type Project = Selectable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type Milestone = Selectable<MilestoneTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type PhaseRequest = Selectable<PhaseRequestTable>;
export type JourneyMap = Selectable<JourneyMapTable>;
export type JourneyStep = Selectable<JourneyStepTable>;
export type BurdenItemRow = Selectable<BurdenItemTable>;
