/**
 * Audit rows in plain language: who (name and agency) did what, to which record (with a link),
 * for every history, change log and audit view (the audit log itself keeps the raw fields one
 * click away). Every change is recorded in an audit log, who, when and what
 * (docs/rules.md#audit-and-histories); the sentence is how a person reads the "what".
 *
 * Covers every action the workspace writes (db/queries/*, app/auth, app/server/admin.ts,
 * seeds/): anything new falls back to a readable sentence built from the action's words, never
 * to a raw field or table name.
 */
import { ANSWER_LABELS } from '~/domain/phases/gate';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import { pluralize } from '~/domain/plural';
import { timeZoneLabel } from './time';

/** What the audit log keeps of a change; older PMC snapshots kept only the field names. */
export type RecordedChanges =
  Record<string, { before?: unknown; after?: unknown }> | readonly string[];

export interface AuditEntryInput {
  action: string;
  /** The kind of record as the audit log names it: milestone, project_phase, journey_map… */
  entityType: string;
  entityId: string;
  changes: RecordedChanges;
  /** Who did it; null for the workspace itself (seeds, start-up). */
  actor: { name: string; agency: string | null } | null;
  /** The record's current name (a milestone's title, a map's title), when it still exists. */
  recordName?: string | null;
  /** The project the row belongs to. */
  project?: { id: number | null; name: string } | null;
  /** The portfolio the row belongs to. */
  portfolio?: { slug: string; name: string } | null;
  /** Agency id → short name (code), for agency ids inside the changes. */
  agencies?: ReadonlyMap<number, string>;
  /** Person id → name, for people inside the changes (a new POC, a PMC member). */
  people?: ReadonlyMap<number, string>;
}

export interface AuditSentence {
  /** "Luis Ortega (USDA)", or "The workspace". */
  who: string;
  /** What they did, up to the record: "answered the phase request for". */
  did: string;
  /** The record, with where it lives when it can be opened. */
  target: { text: string; href: string | null } | null;
  /** What follows the record, starting with its own punctuation or space ("", ": Concur"). */
  rest: string;
  /** The whole sentence as plain text, ending with a full stop. */
  sentence: string;
}

/** Human names of fields the audit log records (snake_case and camelCase alike). */
export const FIELD_LABELS: Record<string, string> = {
  agency_id: 'agency',
  agencies: 'participating agencies',
  lead_agency_id: 'lead agency',
  poc_person_id: 'point of contact',
  pmc_member_id: 'PMC member',
  person_id: 'person',
  project_id: 'project',
  projects: 'projects',
  stage_id: 'stage',
  ref_id: 'cited record',
  due_date: 'due date',
  completed_on: 'completion date',
  timing_fy: 'fiscal year',
  timing_quarter: 'quarter',
  fiscal_year: 'fiscal year',
  draft_due: 'draft due date',
  final_due: 'final due date',
  health_reason: 'reason for the health status',
  theory_of_change: 'theory of change',
  short_term_outcomes: 'short-term outcomes',
  long_term_outcomes: 'long-term outcomes',
  omb_control_number: 'OMB control number',
  expires_on: 'expiration date',
  charter_text: 'charter text',
  charter_revision: 'charter revision',
  version_label: 'version label',
  versionLabel: 'version label',
  version_name: 'version name',
  count_contractors: 'counting of federal contractors',
  cents: 'hourly wage',
  override_reason: 'override reason',
  requested_phase: 'requested phase',
  pain_points: 'pain points',
  journey_map_id: 'journey map',
  minutes: 'minutes',
  url: 'URL',
  pra: 'PRA',
};

/** A field's name in words: "versionLabel" → "version label", "agency_id" → "agency". */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .replaceAll('-', ' ')
    .toLowerCase()
    .trim()
    .replace(/ id$/, '')
    .replace(/\s+/g, ' ');
  return words === '' ? 'a field' : words;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

interface Kind {
  /** The record's kind in words, before its name: "milestone", "journey map". */
  noun: string;
  href?: (e: AuditEntryInput) => string | null;
}

const idNumber = (id: string): number | null => (/^\d{1,15}$/.test(id) ? Number(id) : null);
const portfolioHref = (e: AuditEntryInput, tail = '') =>
  e.portfolio ? `/portfolios/${e.portfolio.slug}${tail}` : null;
const byId = (prefix: string) => (e: AuditEntryInput) =>
  idNumber(e.entityId) === null ? null : `${prefix}/${e.entityId}`;

const KINDS: Record<string, Kind> = {
  project: { noun: 'project', href: byId('/projects') },
  project_phase: {
    noun: 'project',
    href: (e) => (idNumber(e.entityId) === null ? null : `/projects/${e.entityId}/phase`),
  },
  milestone: {
    noun: 'milestone',
    href: (e) => (e.project?.id ? `/projects/${e.project.id}` : null),
  },
  journey_map: { noun: 'journey map', href: byId('/journeys') },
  burden_assessment: { noun: 'burden assessment', href: byId('/burden') },
  research_activity: { noun: 'research activity', href: byId('/research') },
  pra_clearance: { noun: 'PRA clearance', href: (e) => portfolioHref(e, '/pra') },
  action_plan: { noun: 'CX Action Plan', href: byId('/plans') },
  pmc_update: { noun: 'PMC update', href: byId('/pmc') },
  success_measure: { noun: 'success measure', href: byId('/measures') },
  evaluation_plan: { noun: 'evaluation plan', href: byId('/evaluations') },
  survey_collection: { noun: 'survey collection', href: byId('/surveys') },
  portfolio: { noun: 'portfolio', href: (e) => portfolioHref(e) },
  portfolio_agency: { noun: 'portfolio', href: (e) => portfolioHref(e, '/people') },
  charter: { noun: 'charter of portfolio', href: (e) => portfolioHref(e, '/charter') },
  calendar: { noun: 'A-11 Section 280 calendar', href: () => '/calendar' },
  setting: { noun: 'setting', href: () => '/settings' },
  account: { noun: 'account of' },
  invitation: { noun: 'invitation of', href: () => '/access' },
  access_request: { noun: 'access request of', href: byId('/access/requests') },
  access_review: {
    noun: 'access review of portfolio',
    href: (e) => portfolioHref(e, '/access-review'),
  },
  session: { noun: 'session' },
  workspace: { noun: 'workspace' },
};

/** A kind of record in words, for filter menus: "journey_map" → "journey map". */
export function kindLabel(entityType: string): string {
  const special: Record<string, string> = {
    project_phase: 'project phase',
    portfolio_agency: 'portfolio agency (POC, PMC member)',
    charter: 'charter',
    account: 'account',
    calendar: 'calendar',
  };
  return special[entityType] ?? KINDS[entityType]?.noun ?? fieldLabel(entityType);
}

/** Settings kept under a key, by name. */
const SETTING_NAMES: Record<string, string> = {
  default_wage: 'default hourly wage',
  pra_count_contractors: 'counting of federal contractors under the PRA',
  survey_minimum: 'minimum number of survey respondents for a percentage',
};

/** Calendar keys (FY:key) in words. */
/** The calendar's dates (app/domain/calendar/a11.ts, SETTABLE_DATES), as a sentence names them. */
const CALENDAR_KEYS: Record<string, string> = {
  capacity_assessment: 'the CX Capacity Assessment due date',
  deep_dive: 'the Deep Dive',
  priority_services: 'the priority services designation',
  draft_action_plan: 'the draft CX Action Plan due date',
  final_action_plan: 'the final CX Action Plan due date',
  pmc_update_q1: 'the Q1 PMC update due date',
  pmc_update_q2: 'the Q2 PMC update due date',
  pmc_update_q3: 'the Q3 PMC update due date',
  pmc_update_q4: 'the Q4 PMC update due date',
};

type Changes = Record<string, { before?: unknown; after?: unknown }>;

function asChanges(c: RecordedChanges): { fields: string[]; values: Changes } {
  if (Array.isArray(c)) return { fields: [...(c as readonly string[])], values: {} };
  const values = c as Changes;
  return { fields: Object.keys(values), values };
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

/** A stored YYYY-MM-DD date as "November 16, 2026". */
const dateText = (v: unknown): string | null => {
  const t = text(v);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? formatDate(t) : t;
};

function quoted(v: string, max = 120): string {
  const t = v.replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max)}…` : t}”`;
}

function phase(v: unknown): string | null {
  return typeof v === 'string' && v in PHASE_LABELS
    ? PHASE_LABELS[v as keyof typeof PHASE_LABELS]
    : null;
}

/**
 * ", written with A and B": the others who co-edited a plan or an update's highlights in the burst
 * one audit entry records
 * (decision 029), the entry's actor being the first of them. Empty when they wrote alone.
 */
function writtenWith(editors: unknown, actor: AuditEntryInput['actor']): string {
  if (!Array.isArray(editors)) return '';
  const others = editors.filter((n): n is string => typeof n === 'string' && n !== actor?.name);
  if (others.length === 0) return '';
  const list =
    others.length === 1
      ? others[0]!
      : `${others.slice(0, -1).join(', ')}${others.length > 2 ? ',' : ''} and ${others.at(-1)!}`;
  return `, written with ${list}`;
}

/** "Luis Ortega (USDA)"; the workspace itself when no person did it. */
export function actorName(actor: AuditEntryInput['actor']): string {
  if (!actor) return 'The workspace';
  return actor.agency ? `${actor.name} (${actor.agency})` : actor.name;
}

/** The fields an update changed, in words, without bookkeeping ones. */
function changedFields(fields: string[]): string {
  const labels = [...new Set(fields.filter((f) => f !== 'version').map(fieldLabel))];
  return labels.length === 0 ? '' : `the ${listInWords(labels)} of`;
}

/**
 * One audit row as a sentence: "Luis Ortega (USDA) answered the phase request for project
 * “Newborn kits”: Concur with comments — “Fine by us”."
 */
export function describeAuditEntry(e: AuditEntryInput): AuditSentence {
  const { fields, values } = asChanges(e.changes);
  const after = (k: string) => values[k]?.after;
  const before = (k: string) => values[k]?.before;
  const kind = KINDS[e.entityType] ?? { noun: fieldLabel(e.entityType) };
  const recorded =
    text(after('title')) ??
    text(before('title')) ??
    text(after('name')) ??
    text(before('name')) ??
    null;
  const isProjectRow = e.entityType === 'project' || e.entityType === 'project_phase';
  const name =
    (isProjectRow ? e.project?.name : null) ??
    e.recordName ??
    (e.entityType === 'portfolio' ||
    e.entityType === 'portfolio_agency' ||
    e.entityType === 'charter'
      ? e.portfolio?.name
      : null) ??
    recorded;
  const deleted = e.action === 'delete';
  const settingName =
    e.entityType === 'setting' ? (SETTING_NAMES[e.entityId] ?? fieldLabel(e.entityId)) : null;

  let targetText: string | null;
  if (e.entityType === 'session' || e.entityType === 'workspace') targetText = null;
  else if (settingName) targetText = `the ${settingName}`;
  else if (e.entityType === 'calendar') targetText = `the ${kind.noun}`;
  else if (name) targetText = `${kind.noun} ${quoted(name, 80)}`;
  else targetText = `a ${kind.noun.replace(/ of( portfolio)?$/, '')}`;
  const href = deleted || !kind.href ? null : kind.href(e);
  let target: AuditSentence['target'] = targetText ? { text: targetText, href } : null;

  const agencyOf = (v: unknown) =>
    typeof v === 'number' ? (e.agencies?.get(v) ?? 'an agency') : 'an agency';
  const personOf = (v: unknown) =>
    typeof v === 'number' ? (e.people?.get(v) ?? 'another person') : 'nobody';
  const reason = text(after('reason')) ?? text(after('override_reason'));
  const because = reason ? `. Reason: ${quoted(reason)}` : '';
  const sub = (k: string) => {
    const v = text(after(k)) ?? text(before(k));
    return v ? ` ${quoted(v, 80)}` : '';
  };
  const inProject = e.project && !isProjectRow ? ` in project ${quoted(e.project.name, 80)}` : '';

  let did: string;
  let rest = '';
  switch (`${e.entityType}:${e.action}`) {
    // Phase gate (A-11 280: each involved agency's POC concurs; OMB leads may override).
    case 'project_phase:phase_requested': {
      const from = phase(before('phase'));
      const to = phase(after('requested_phase'));
      did = 'asked to move';
      rest = to ? `${from ? ` from ${from}` : ''} to ${to}` : ' to its next phase';
      const evidence = text(after('evidence'));
      if (evidence) rest += `. Evidence: ${quoted(evidence)}`;
      break;
    }
    case 'project_phase:phase_answered': {
      const answer = after('answer');
      const label =
        typeof answer === 'string' && answer in ANSWER_LABELS
          ? ANSWER_LABELS[answer as keyof typeof ANSWER_LABELS]
          : 'an answer';
      did = `answered for ${agencyOf(after('agency_id'))} on the phase request of`;
      rest = `: ${label}`;
      const comment = text(after('comment'));
      if (comment) rest += ` — ${quoted(comment)}`;
      break;
    }
    case 'project_phase:phase_advanced':
      did = 'completed the concurrence that moved';
      rest = `${phase(before('phase')) ? ` from ${phase(before('phase'))}` : ''}${phase(after('phase')) ? ` to ${phase(after('phase'))}` : ' to its next phase'} (every involved agency concurred)`;
      break;
    case 'project_phase:phase_held':
      did = 'closed the phase request of';
      rest = ' as held: an agency did not concur';
      break;
    case 'project_phase:phase_override_advance':
      did = 'overrode the phase gate and moved';
      rest = `${phase(before('phase')) ? ` from ${phase(before('phase'))}` : ''}${phase(after('phase')) ? ` to ${phase(after('phase'))}` : ''}${because}`;
      break;
    case 'project_phase:phase_override_hold':
      did = 'overrode the phase gate and held';
      rest = ` in its current phase${because}`;
      break;
    case 'project_phase:phase_moved_back':
      did = 'moved';
      rest = ` back${phase(before('phase')) ? ` from ${phase(before('phase'))}` : ''}${phase(after('phase')) ? ` to ${phase(after('phase'))}` : ''}${because}`;
      break;
    case 'project_phase:phase_reaffirmed':
      did = `re-affirmed ${agencyOf(after('agency_id'))}’s concurrence with`;
      rest = phase(after('phase')) ? ` in ${phase(after('phase'))}` : '';
      break;

    // Portfolios, POCs, PMC members, charters.
    case 'portfolio_agency:change_poc': {
      const agency = agencyOf(idNumber(e.entityId.split(':')[1] ?? ''));
      did = `made ${personOf(after('poc_person_id'))} ${agency}’s point of contact for`;
      break;
    }
    case 'portfolio_agency:set_pmc_member': {
      const agency = agencyOf(idNumber(e.entityId.split(':')[1] ?? ''));
      const who = after('pmc_member_id');
      did =
        typeof who === 'number'
          ? `made ${personOf(who)} ${agency}’s PMC member for`
          : `removed ${agency}’s PMC member from`;
      break;
    }
    case 'charter:update':
      did = 'edited the';
      break;
    case 'charter:sign':
      did = `signed, for ${agencyOf(after('agency_id'))}, the`;
      break;

    // CX Action Plans (A-11 280.15).
    case 'action_plan:create':
      did = 'started';
      break;
    case 'action_plan:save':
      did = 'saved the text of';
      rest = writtenWith(after('editors'), e.actor);
      break;
    case 'action_plan:name_version':
      did = 'named a version of';
      rest = `${text(after('name')) ? `: ${quoted(text(after('name'))!)}` : ''}${writtenWith(after('editors'), e.actor)}`;
      break;
    case 'action_plan:status':
    case 'action_plan:reopen': {
      const to = text(after('status'));
      did = e.action === 'reopen' ? 'reopened' : 'moved';
      rest = to && e.action === 'status' ? ` to ${to.replaceAll('_', ' ')}` : '';
      break;
    }
    case 'action_plan:update':
      did = `changed ${changedFields(fields) || 'the due dates of'}`;
      break;
    case 'action_plan:cite':
      did = 'cited evidence in';
      break;
    case 'action_plan:comment':
      did = 'commented on';
      rest = text(after('body')) ? `: ${quoted(text(after('body'))!)}` : '';
      break;
    case 'action_plan:resolve_comment':
      did = 'resolved a comment on';
      break;

    // PMC quarterly updates.
    case 'pmc_update:create':
      did = after('corrects') !== undefined ? 'started a correction of' : 'started';
      rest = text(after('note')) ? `, correcting: ${quoted(text(after('note'))!)}` : '';
      break;
    case 'pmc_update:publish':
      did = 'published';
      break;
    case 'pmc_update:withdraw':
      did = 'withdrew';
      rest = text(after('reason')) ? `, saying: ${quoted(text(after('reason'))!)}` : '';
      break;
    case 'pmc_update:exclude':
      did = after('excluded') === false ? 'put an item back into' : 'left an item out of';
      break;
    case 'pmc_update:annotate': {
      // Written live: the items whose notes changed in one burst; before that, one note a save.
      const notes = after('notes');
      did = Array.isArray(notes)
        ? `edited the notes on ${pluralize(notes.length, 'item')} of`
        : 'added a note to an item of';
      rest = writtenWith(after('editors'), e.actor);
      break;
    }
    case 'pmc_update:order':
      did = 'reordered the portfolios of';
      break;
    case 'pmc_update:item_order':
      did = 'reordered the items of';
      break;
    case 'pmc_update:highlights': {
      const notes = after('notes');
      did =
        Array.isArray(notes) && notes.length > 0
          ? `edited the highlights and the notes on ${pluralize(notes.length, 'item')} of`
          : 'edited the highlights of';
      rest = writtenWith(after('editors'), e.actor);
      break;
    }

    // Journey maps.
    case 'journey_map:import':
      did = 'imported';
      rest = ' from Mermaid text';
      break;
    case 'journey_map:copy':
      did = 'made a new version of';
      break;
    case 'journey_map:details':
      did = `edited ${changedFields(fields) || 'the details of'}`;
      break;
    case 'journey_map:add_stage':
      did = `added the stage${sub('stage')} to`;
      break;
    case 'journey_map:rename_stage':
      did = `renamed the stage${text(before('stage')) ? ` ${quoted(text(before('stage'))!, 80)}` : ''}${text(after('stage')) ? ` to ${quoted(text(after('stage'))!, 80)}` : ''} in`;
      break;
    case 'journey_map:move_stage':
      did = 'reordered the stages of';
      break;
    case 'journey_map:delete_stage':
      did = `removed the stage${sub('stage')} from`;
      break;
    case 'journey_map:add_step':
      did = `added the step${sub('title')} to`;
      break;
    case 'journey_map:update_step':
      did = `edited the step${sub('title')} in`;
      break;
    case 'journey_map:move_step':
      did = 'reordered the steps of';
      break;
    case 'journey_map:delete_step':
      did = `removed the step${sub('step')} from`;
      break;

    // Burden assessments.
    case 'burden_assessment:copy':
      did = 'made a new version of';
      break;
    case 'burden_assessment:details':
      did = `edited ${changedFields(fields) || 'the details of'}`;
      break;
    case 'burden_assessment:add_item':
      did = `added a burden item${sub('description')} to`;
      break;
    case 'burden_assessment:save_item':
      did = `edited a burden item${sub('description')} in`;
      break;
    case 'burden_assessment:delete_item':
      did = `removed a burden item${sub('description')} from`;
      break;
    case 'burden_assessment:override_item':
      did = `changed a segment’s figures for a burden item${sub('description')} in`;
      break;
    case 'burden_assessment:add_segment':
      did = `added the segment${sub('segment')} to`;
      break;
    case 'burden_assessment:update_segment': {
      const was = text(before('name')) ?? text(after('segment'));
      const pct = (v: unknown) => (typeof v === 'number' ? `${v / 100}%` : null);
      const changed: string[] = [];
      if (text(after('name'))) changed.push(`renamed it ${quoted(text(after('name'))!, 80)}`);
      if ('share_bp' in values)
        changed.push(
          `share of the people affected ${pct(before('share_bp')) ?? '—'} → ${pct(after('share_bp')) ?? '—'}`,
        );
      if ('time_percent' in values)
        changed.push(
          `time on each item ${before('time_percent') ?? 100}% → ${after('time_percent') ?? 100}% of the base`,
        );
      if ('wage_cents' in values) changed.push('its hourly wage');
      did = `edited the segment${was ? ` ${quoted(was, 80)}` : ''} in`;
      rest = changed.length ? `: ${listInWords(changed)}` : '';
      break;
    }
    case 'burden_assessment:delete_segment':
      did = `removed the segment${sub('segment')} from`;
      break;

    // Research under the PRA (A-11 280.8).
    case 'research_activity:add_session':
    case 'research_activity:delete_session': {
      const on = dateText(after('session_on') ?? before('session_on'));
      did = `${e.action === 'add_session' ? 'added a session' : 'removed the session'}${on ? ` of ${on}` : ''} ${e.action === 'add_session' ? 'to' : 'from'}`;
      break;
    }
    case 'research_activity:link_clearance':
      did = `linked the PRA clearance${sub('clearance')} to`;
      break;
    case 'research_activity:decision':
      did = 'recorded the PRA decision for';
      break;
    case 'research_activity:override':
      did = 'overrode the PRA check for';
      rest = because;
      break;

    // Settings, calendar, accounts, the workspace itself.
    case 'calendar:update': {
      const [fy, key] = e.entityId.split(':');
      const date = dateText(after('date'));
      did = 'changed';
      rest = `: ${CALENDAR_KEYS[key ?? ''] ?? fieldLabel(key ?? 'date')}${fy ? ` for FY ${fy}` : ''}${date ? ` set to ${date}` : ' set back to its default'}`;
      break;
    }
    case 'session:sign_in':
      did = 'signed in';
      break;
    case 'session:sign_out':
      did =
        after('reason') === 'idle' ? 'was signed out after a time without activity' : 'signed out';
      break;

    // Access (issue 21): invitations, requests, provider identities, reviews.
    case 'invitation:invite':
      did = 'invited';
      target = {
        text: `${text(after('name')) ?? 'a person'} (${text(after('email')) ?? 'no email'})`,
        href: '/access',
      };
      rest = ` to be ${roleWords(after('role'), e.portfolio?.name)}`;
      break;
    case 'invitation:revoke':
      did = 'revoked the';
      break;
    case 'invitation:accept_invitation':
      did = 'accepted the invitation';
      target = null;
      rest = ` to be ${roleWords(after('role'), e.portfolio?.name)}`;
      break;
    case 'access_request:request_access':
      // Asked by someone with no account yet, so the workspace is the one recording it.
      did = 'received the';
      rest = ` to be ${roleWords(after('role'), e.portfolio?.name)}`;
      break;
    case 'access_request:approve':
      did = 'approved the';
      break;
    case 'access_request:decline': {
      const note = text(after('note'));
      did = 'declined the';
      rest = note ? `. Note: ${quoted(note)}` : '';
      break;
    }
    case 'account:link_identity':
      did = 'linked a sign-in provider identity to the';
      break;
    case 'account:deactivate':
      did = 'turned off the';
      rest =
        after('deactivated_reason') === 'removed'
          ? ' at an access review'
          : ' after a long time without use';
      break;
    case 'portfolio:remove_access':
      did = `removed ${text(before('person')) ?? 'a person'}’s access (${roleWords(before('role'), null)}) from`;
      break;
    case 'access_review:confirm_review':
      did = `confirmed the FY ${String(after('fiscal_year') ?? '?')} Q${String(after('quarter') ?? '?')}`;
      break;
    case 'account:create':
      did = 'created an account for';
      break;
    case 'account:account_locked':
      did = 'locked the';
      rest = ' after too many failed sign-ins';
      break;
    case 'account:update': {
      const zone = text(after('time_zone'));
      const email = after('email_notifications');
      if (zone) {
        did = 'set the time zone of the';
        rest = ` to ${timeZoneLabel(zone)}`;
      } else if (email && typeof email === 'object') {
        did = 'changed the email choices of the';
        rest = `: ${Object.entries(email as Record<string, unknown>)
          .map(([kind, how]) => `${kind}: ${String(how)}`)
          .join('; ')}`;
      } else ({ did, rest } = generic(e.action, fields, rest));
      break;
    }
    // Success measures (issue 20): an actual value recorded or removed, with its date.
    case 'success_measure:add_actual':
    case 'success_measure:remove_actual': {
      const v = e.action === 'add_actual' ? after('value') : before('value');
      const on = text(e.action === 'add_actual' ? after('on_date') : before('on_date'));
      did =
        e.action === 'add_actual' ? 'recorded an actual value for' : 'removed an actual value of';
      rest = typeof v === 'number' ? `: ${v}${on ? ` on ${formatDate(on)}` : ''}` : '';
      break;
    }

    // Evaluation plans (issue 20): their status moves.
    case 'evaluation_plan:approve':
      did = 'approved';
      break;
    case 'evaluation_plan:reopen':
      did = 'took back to draft';
      break;
    case 'evaluation_plan:start':
      did = 'started';
      break;
    case 'evaluation_plan:report':
      did = 'reported the findings of';
      break;

    // Post-transaction survey data (issue 20): a quarter's file imported, or replaced.
    case 'survey_collection:import': {
      const fy = after('fiscal_year');
      const q = after('quarter');
      const n = after('respondents');
      const was = before('respondents');
      const quarter = typeof fy === 'number' && typeof q === 'number' ? `FY ${fy} Q${q} ` : '';
      const count = typeof n === 'number' ? ` (${pluralize(n, 'response')})` : '';
      did =
        typeof was === 'number' ? `replaced the ${quarter}data of` : `imported ${quarter}data into`;
      rest =
        typeof was === 'number'
          ? `${count}; the ${pluralize(was, 'response')} before are kept as history`
          : count;
      break;
    }

    case 'workspace:seed':
      did = 'loaded the reference portfolios';
      break;
    case 'workspace:demo_accounts_created':
      did = 'created the demo accounts';
      break;
    case 'workspace:demo_accounts_removed':
      did = 'removed the demo accounts';
      break;

    default:
      ({ did, rest } = generic(e.action, fields, rest));
  }
  if (e.entityType === 'account' && e.action === 'create') {
    // The person is the record: "created an account for Dana Whitfield".
    const person = text(after('email')) ?? text(after('name')) ?? name;
    const s = finish(actorName(e.actor), did, person ? { text: person, href: null } : null, '');
    return s;
  }
  if (e.entityType === 'milestone' && inProject) rest = `${inProject}${rest}`;
  return finish(actorName(e.actor), did, target, rest);
}

const ROLE_WORDS: Record<string, string> = {
  lead: 'portfolio lead',
  member: 'team member',
  viewer: 'viewer',
  omb_lead: 'an OMB lead',
};

/** "a team member of “Having a Child”", "an OMB lead". */
function roleWords(role: unknown, portfolio: string | null | undefined): string {
  const r = typeof role === 'string' ? role : '';
  if (r === 'omb_lead') return ROLE_WORDS.omb_lead!;
  const words = `a ${ROLE_WORDS[r] ?? 'member'}`;
  return portfolio ? `${words} of ${quoted(portfolio, 80)}` : words;
}

/** Actions every kind shares (create, update, delete) and a readable fallback for new ones. */
function generic(action: string, fields: string[], rest: string): { did: string; rest: string } {
  switch (action) {
    case 'create':
      return { did: 'added', rest };
    case 'update':
      return { did: `changed ${changedFields(fields) || ''}`.trim(), rest };
    case 'delete':
      return { did: 'deleted', rest };
    case 'archive':
      return { did: 'archived', rest };
    case 'restore':
      return { did: 'restored', rest };
    default: {
      const words = fieldLabel(action);
      const changed = fields.length ? ` (${listInWords(fields.map(fieldLabel))})` : '';
      return { did: `made a change (${words}) to`, rest: `${changed}${rest}` };
    }
  }
}

function finish(
  who: string,
  did: string,
  target: AuditSentence['target'],
  rest: string,
): AuditSentence {
  const body = `${who} ${did}${target ? ` ${target.text}` : ''}${rest}`.trim();
  return { who, did, target, rest, sentence: /[.!?][”"]?$/.test(body) ? body : `${body}.` };
}
