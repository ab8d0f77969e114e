import { describe, expect, it } from 'vitest';
import { describeAuditEntry, fieldLabel, type AuditEntryInput } from '~/domain/history/describe';
import {
  DEFAULT_TIME_ZONE,
  formatDateTime,
  isTimeZone,
  TIME_ZONE_CHOICES,
  viewerTimeZone,
} from '~/domain/history/time';

const luis = { name: 'Luis Ortega', agency: 'USDA' };
const dana = { name: 'Dana Whitfield', agency: 'OMB' };
const project = { id: 7, name: 'Newborn kits' };
const portfolio = { slug: 'having-a-child', name: 'Having a Child' };
const agencies = new Map([
  [3, 'USDA'],
  [4, 'HHS'],
]);
const people = new Map([[21, 'Ana Ruiz']]);
const base = { actor: luis, project, portfolio, agencies, people, entityId: '7' };

/** One row per action the workspace writes: the sentence, and where its record link goes. */
const TABLE: {
  input: Partial<AuditEntryInput> & Pick<AuditEntryInput, 'action' | 'entityType'>;
  sentence: string;
  href?: string | null;
}[] = [
  // Phase gate
  {
    input: {
      action: 'phase_requested',
      entityType: 'project_phase',
      changes: {
        phase: { before: 'discovery', after: null },
        requested_phase: { before: null, after: 'design' },
        evidence: { before: null, after: 'Interviews done' },
      },
    },
    sentence:
      'Luis Ortega (USDA) asked to move project “Newborn kits” from Discovery to Design. Evidence: “Interviews done”.',
    href: '/projects/7/phase',
  },
  {
    input: {
      action: 'phase_answered',
      entityType: 'project_phase',
      changes: {
        agency_id: { before: null, after: 3 },
        answer: { before: null, after: 'concur_with_comments' },
        comment: { before: null, after: 'Fine by us' },
      },
    },
    sentence:
      'Luis Ortega (USDA) answered for USDA on the phase request of project “Newborn kits”: Concur with comments — “Fine by us”.',
    href: '/projects/7/phase',
  },
  {
    input: {
      action: 'phase_advanced',
      entityType: 'project_phase',
      changes: { phase: { before: 'discovery', after: 'design' } },
    },
    sentence:
      'Luis Ortega (USDA) completed the concurrence that moved project “Newborn kits” from Discovery to Design (every involved agency concurred).',
  },
  {
    input: {
      action: 'phase_held',
      entityType: 'project_phase',
      changes: { request: { before: 'pending', after: 'held' } },
    },
    sentence:
      'Luis Ortega (USDA) closed the phase request of project “Newborn kits” as held: an agency did not concur.',
  },
  {
    input: {
      actor: dana,
      action: 'phase_override_advance',
      entityType: 'project_phase',
      changes: {
        phase: { before: 'design', after: 'development' },
        reason: { before: null, after: 'Pilot is live' },
      },
    },
    sentence:
      'Dana Whitfield (OMB) overrode the phase gate and moved project “Newborn kits” from Design to Development. Reason: “Pilot is live”.',
  },
  {
    input: {
      actor: dana,
      action: 'phase_override_hold',
      entityType: 'project_phase',
      changes: {
        request: { before: 'pending', after: 'held' },
        reason: { before: null, after: 'Not yet' },
      },
    },
    sentence:
      'Dana Whitfield (OMB) overrode the phase gate and held project “Newborn kits” in its current phase. Reason: “Not yet”.',
  },
  {
    input: {
      actor: dana,
      action: 'phase_moved_back',
      entityType: 'project_phase',
      changes: {
        phase: { before: 'design', after: 'discovery' },
        reason: { before: null, after: 'Redo research' },
      },
    },
    sentence:
      'Dana Whitfield (OMB) moved project “Newborn kits” back from Design to Discovery. Reason: “Redo research”.',
  },
  {
    input: {
      action: 'phase_reaffirmed',
      entityType: 'project_phase',
      changes: { agency_id: { before: null, after: 3 }, phase: { before: null, after: 'design' } },
    },
    sentence:
      'Luis Ortega (USDA) re-affirmed USDA’s concurrence with project “Newborn kits” in Design.',
  },
  // Projects and milestones
  {
    input: {
      action: 'create',
      entityType: 'project',
      changes: { name: { before: null, after: 'Newborn kits' } },
    },
    sentence: 'Luis Ortega (USDA) added project “Newborn kits”.',
    href: '/projects/7',
  },
  {
    input: {
      action: 'update',
      entityType: 'project',
      changes: {
        health_reason: { before: null, after: 'x' },
        theory_of_change: { before: 'a', after: 'b' },
      },
    },
    sentence:
      'Luis Ortega (USDA) changed the reason for the health status and theory of change of project “Newborn kits”.',
  },
  {
    input: {
      action: 'update',
      entityType: 'milestone',
      entityId: '12',
      recordName: 'Deliver kits',
      changes: {
        status: { before: 'planned', after: 'completed' },
        completed_on: { before: null, after: '2026-11-16' },
      },
    },
    sentence:
      'Luis Ortega (USDA) changed the status and completion date of milestone “Deliver kits” in project “Newborn kits”.',
    href: '/projects/7',
  },
  {
    input: {
      action: 'delete',
      entityType: 'milestone',
      entityId: '12',
      changes: { title: { before: 'Old one', after: null } },
    },
    sentence: 'Luis Ortega (USDA) deleted milestone “Old one” in project “Newborn kits”.',
    href: null,
  },
  // A comment that ends its own sentence is not given a second full stop.
  {
    input: {
      action: 'phase_answered',
      entityType: 'project_phase',
      changes: {
        agency_id: { before: null, after: 4 },
        answer: { before: null, after: 'non_concur' },
        comment: { before: null, after: 'Not yet.' },
      },
    },
    sentence:
      'Luis Ortega (USDA) answered for HHS on the phase request of project “Newborn kits”: Non-concur — “Not yet.”',
  },
  // Portfolios
  {
    input: {
      actor: dana,
      action: 'create',
      entityType: 'portfolio',
      entityId: '2',
      changes: { name: { before: null, after: 'Having a Child' } },
    },
    sentence: 'Dana Whitfield (OMB) added portfolio “Having a Child”.',
    href: '/portfolios/having-a-child',
  },
  {
    input: {
      actor: dana,
      action: 'update',
      entityType: 'portfolio',
      entityId: '2',
      changes: {
        agencies: { before: [3], after: [3, 4] },
        lead_agency_id: { before: 3, after: 4 },
      },
    },
    sentence:
      'Dana Whitfield (OMB) changed the participating agencies and lead agency of portfolio “Having a Child”.',
  },
  {
    input: {
      actor: dana,
      action: 'change_poc',
      entityType: 'portfolio_agency',
      entityId: '2:3',
      changes: { poc_person_id: { before: null, after: 21 } },
    },
    sentence:
      'Dana Whitfield (OMB) made Ana Ruiz USDA’s point of contact for portfolio “Having a Child”.',
    href: '/portfolios/having-a-child/people',
  },
  {
    input: {
      actor: dana,
      action: 'set_pmc_member',
      entityType: 'portfolio_agency',
      entityId: '2:4',
      changes: { pmc_member_id: { before: null, after: 21 } },
    },
    sentence: 'Dana Whitfield (OMB) made Ana Ruiz HHS’s PMC member for portfolio “Having a Child”.',
  },
  {
    input: {
      action: 'update',
      entityType: 'charter',
      entityId: '2',
      changes: { charter_text: { before: 'a', after: 'b' } },
    },
    sentence: 'Luis Ortega (USDA) edited the charter of portfolio “Having a Child”.',
    href: '/portfolios/having-a-child/charter',
  },
  {
    input: {
      action: 'sign',
      entityType: 'charter',
      entityId: '2',
      changes: { agency_id: { before: null, after: 3 } },
    },
    sentence: 'Luis Ortega (USDA) signed, for USDA, the charter of portfolio “Having a Child”.',
  },
  // Journey maps
  {
    input: {
      action: 'create',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'Applying for WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) added journey map “Applying for WIC”.',
    href: '/journeys/5',
  },
  {
    input: {
      action: 'import',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) imported journey map “WIC” from Mermaid text.',
  },
  {
    input: {
      action: 'copy',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) made a new version of journey map “WIC”.',
  },
  {
    input: {
      action: 'details',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { version_label: { before: 'a', after: 'b' } },
    },
    sentence: 'Luis Ortega (USDA) edited the version label of journey map “WIC”.',
  },
  {
    input: {
      action: 'add_stage',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { stage: { before: null, after: 'Apply' } },
    },
    sentence: 'Luis Ortega (USDA) added the stage “Apply” to journey map “WIC”.',
  },
  {
    input: {
      action: 'rename_stage',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { stage: { before: 'Apply', after: 'Enroll' } },
    },
    sentence: 'Luis Ortega (USDA) renamed the stage “Apply” to “Enroll” in journey map “WIC”.',
  },
  {
    input: {
      action: 'move_stage',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) reordered the stages of journey map “WIC”.',
  },
  {
    input: {
      action: 'delete_stage',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { stage: { before: 'Apply', after: null } },
    },
    sentence: 'Luis Ortega (USDA) removed the stage “Apply” from journey map “WIC”.',
  },
  {
    input: {
      action: 'add_step',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { title: { before: null, after: 'Call' } },
    },
    sentence: 'Luis Ortega (USDA) added the step “Call” to journey map “WIC”.',
  },
  {
    input: {
      action: 'update_step',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { title: { before: 'Call', after: 'Phone' } },
    },
    sentence: 'Luis Ortega (USDA) edited the step “Phone” in journey map “WIC”.',
  },
  {
    input: {
      action: 'move_step',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) reordered the steps of journey map “WIC”.',
  },
  {
    input: {
      action: 'delete_step',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: { step: { before: 'Call', after: null } },
    },
    sentence: 'Luis Ortega (USDA) removed the step “Call” from journey map “WIC”.',
  },
  // Burden assessments
  {
    input: {
      action: 'create',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) added burden assessment “WIC burden”.',
    href: '/burden/9',
  },
  {
    input: {
      action: 'copy',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) made a new version of burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'details',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { wage_cents: { before: 1, after: 2 } },
    },
    sentence: 'Luis Ortega (USDA) edited the wage cents of burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'add_item',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { description: { before: null, after: 'Find the form' } },
    },
    sentence:
      'Luis Ortega (USDA) added a burden item “Find the form” to burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'save_item',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { description: { before: 'a', after: 'Find it' } },
    },
    sentence:
      'Luis Ortega (USDA) edited a burden item “Find it” in burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'delete_item',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { description: { before: 'Find it', after: null } },
    },
    sentence:
      'Luis Ortega (USDA) removed a burden item “Find it” from burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'override_item',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: {},
    },
    sentence:
      'Luis Ortega (USDA) changed a segment’s figures for a burden item in burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'add_segment',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { segment: { before: null, after: 'LEP' } },
    },
    sentence: 'Luis Ortega (USDA) added the segment “LEP” to burden assessment “WIC burden”.',
  },
  {
    input: {
      action: 'delete_segment',
      entityType: 'burden_assessment',
      entityId: '9',
      project: null,
      recordName: 'WIC burden',
      changes: { segment: { before: 'LEP', after: null } },
    },
    sentence: 'Luis Ortega (USDA) removed the segment “LEP” from burden assessment “WIC burden”.',
  },
  // Research
  {
    input: {
      action: 'create',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) added research activity “Round 1”.',
    href: '/research/4',
  },
  {
    input: {
      action: 'update',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: { purpose: { before: 'a', after: 'b' } },
    },
    sentence: 'Luis Ortega (USDA) changed the purpose of research activity “Round 1”.',
  },
  {
    input: {
      action: 'add_session',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: {
        session_on: { before: null, after: '2026-11-16' },
        public: { before: null, after: 3 },
      },
    },
    sentence:
      'Luis Ortega (USDA) added a session of November 16, 2026 to research activity “Round 1”.',
  },
  {
    input: {
      action: 'delete_session',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: { session_on: { before: '2026-11-16', after: null } },
    },
    sentence:
      'Luis Ortega (USDA) removed the session of November 16, 2026 from research activity “Round 1”.',
  },
  {
    input: {
      action: 'link_clearance',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: { clearance: { before: null, after: '0690-0034' } },
    },
    sentence:
      'Luis Ortega (USDA) linked the PRA clearance “0690-0034” to research activity “Round 1”.',
  },
  {
    input: {
      action: 'decision',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) recorded the PRA decision for research activity “Round 1”.',
  },
  {
    input: {
      actor: dana,
      action: 'override',
      entityType: 'research_activity',
      entityId: '4',
      recordName: 'Round 1',
      changes: { override_reason: { before: null, after: 'Counsel agreed' } },
    },
    sentence:
      'Dana Whitfield (OMB) overrode the PRA check for research activity “Round 1”. Reason: “Counsel agreed”.',
  },
  {
    input: {
      action: 'create',
      entityType: 'pra_clearance',
      entityId: '2',
      project: null,
      changes: { title: { before: null, after: 'A-11 umbrella' } },
    },
    sentence: 'Luis Ortega (USDA) added PRA clearance “A-11 umbrella”.',
    href: '/portfolios/having-a-child/pra',
  },
  {
    input: {
      action: 'update',
      entityType: 'pra_clearance',
      entityId: '2',
      project: null,
      recordName: 'A-11 umbrella',
      changes: { expires_on: { before: 'a', after: 'b' } },
    },
    sentence: 'Luis Ortega (USDA) changed the expiration date of PRA clearance “A-11 umbrella”.',
  },
  // Action plans
  {
    input: {
      action: 'create',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) started CX Action Plan “FY 2027 plan”.',
    href: '/plans/3',
  },
  {
    input: {
      action: 'save',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) saved the text of CX Action Plan “FY 2027 plan”.',
  },
  {
    input: {
      action: 'save',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {
        version: { before: 4, after: 5 },
        editors: { before: null, after: ['Luis Ortega', 'Dana Whitfield', 'Ana Ruiz'] },
      },
    },
    sentence:
      'Luis Ortega (USDA) saved the text of CX Action Plan “FY 2027 plan”, written with Dana Whitfield and Ana Ruiz.',
  },
  {
    input: {
      action: 'name_version',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {
        name: { before: null, after: 'Restored version 2' },
        editors: { before: null, after: ['Luis Ortega'] },
      },
    },
    sentence:
      'Luis Ortega (USDA) named a version of CX Action Plan “FY 2027 plan”: “Restored version 2”.',
  },
  {
    input: {
      action: 'name_version',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: { name: { before: null, after: 'For review' } },
    },
    sentence: 'Luis Ortega (USDA) named a version of CX Action Plan “FY 2027 plan”: “For review”.',
  },
  {
    input: {
      action: 'status',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: { status: { before: 'draft', after: 'in_review' } },
    },
    sentence: 'Luis Ortega (USDA) moved CX Action Plan “FY 2027 plan” to in review.',
  },
  {
    input: {
      action: 'reopen',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) reopened CX Action Plan “FY 2027 plan”.',
  },
  {
    input: {
      actor: dana,
      action: 'update',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: { draft_due: { before: 'a', after: 'b' } },
    },
    sentence: 'Dana Whitfield (OMB) changed the draft due date of CX Action Plan “FY 2027 plan”.',
  },
  {
    input: {
      action: 'cite',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) cited evidence in CX Action Plan “FY 2027 plan”.',
  },
  {
    input: {
      action: 'comment',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: { body: { before: null, after: 'Add data' } },
    },
    sentence: 'Luis Ortega (USDA) commented on CX Action Plan “FY 2027 plan”: “Add data”.',
  },
  {
    input: {
      action: 'resolve_comment',
      entityType: 'action_plan',
      entityId: '3',
      project: null,
      recordName: 'FY 2027 plan',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) resolved a comment on CX Action Plan “FY 2027 plan”.',
  },
  // PMC updates
  {
    input: {
      actor: dana,
      action: 'create',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) started PMC update “FY 2027 Q1”.',
    href: '/pmc/1',
  },
  {
    input: {
      actor: dana,
      action: 'publish',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) published PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'exclude',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: { excluded: { before: null, after: true } },
    },
    sentence: 'Dana Whitfield (OMB) left an item out of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'annotate',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) added a note to an item of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'order',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) reordered the portfolios of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'item_order',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) reordered the items of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'highlights',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {},
    },
    sentence: 'Dana Whitfield (OMB) edited the highlights of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'highlights',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: { editors: { before: null, after: ['Dana Whitfield', 'Marcus Oyelaran'] } },
    },
    sentence:
      'Dana Whitfield (OMB) edited the highlights of PMC update “FY 2027 Q1”, written with Marcus Oyelaran.',
  },
  {
    input: {
      actor: dana,
      action: 'highlights',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {
        targets: { before: null, after: ['program'] },
        notes: { before: null, after: ['m1'] },
        editors: { before: null, after: ['Dana Whitfield'] },
      },
    },
    sentence:
      'Dana Whitfield (OMB) edited the highlights and the notes on 1 item of PMC update “FY 2027 Q1”.',
  },
  {
    input: {
      actor: dana,
      action: 'annotate',
      entityType: 'pmc_update',
      entityId: '1',
      project: null,
      portfolio: null,
      recordName: 'FY 2027 Q1',
      changes: {
        targets: { before: null, after: [] },
        notes: { before: null, after: ['m1', 'r5'] },
        editors: { before: null, after: ['Dana Whitfield', 'Marcus Oyelaran'] },
      },
    },
    sentence:
      'Dana Whitfield (OMB) edited the notes on 2 items of PMC update “FY 2027 Q1”, written with Marcus Oyelaran.',
  },
  // Settings, calendar, accounts, the workspace
  {
    input: {
      actor: dana,
      action: 'update',
      entityType: 'setting',
      entityId: 'default_wage',
      project: null,
      portfolio: null,
      changes: { cents: { before: 1, after: 2 } },
    },
    sentence: 'Dana Whitfield (OMB) changed the hourly wage of the default hourly wage.',
    href: '/settings',
  },
  {
    input: {
      actor: dana,
      action: 'update',
      entityType: 'calendar',
      entityId: '2027:capacity_assessment',
      project: null,
      portfolio: null,
      changes: { date: { before: null, after: '2027-02-19' } },
    },
    sentence:
      'Dana Whitfield (OMB) changed the A-11 Section 280 calendar: the CX Capacity Assessment due date for FY 2027 set to February 19, 2027.',
    href: '/calendar',
  },
  {
    input: {
      actor: dana,
      action: 'update',
      entityType: 'calendar',
      entityId: '2027:pmc_update_q2',
      project: null,
      portfolio: null,
      changes: { date: { before: null, after: '2027-05-14' } },
    },
    sentence:
      'Dana Whitfield (OMB) changed the A-11 Section 280 calendar: the Q2 PMC update due date for FY 2027 set to May 14, 2027.',
  },
  {
    input: {
      action: 'sign_in',
      entityType: 'session',
      project: null,
      portfolio: null,
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) signed in.',
  },
  {
    input: {
      action: 'sign_out',
      entityType: 'session',
      project: null,
      portfolio: null,
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) signed out.',
  },
  {
    input: {
      actor: null,
      action: 'create',
      entityType: 'account',
      project: null,
      portfolio: null,
      changes: { email: { before: null, after: 'you@omb.eop.gov' } },
    },
    sentence: 'The workspace created an account for you@omb.eop.gov.',
  },
  {
    input: {
      actor: null,
      action: 'account_locked',
      entityType: 'account',
      project: null,
      portfolio: null,
      recordName: 'Luis Ortega',
      changes: {},
    },
    sentence: 'The workspace locked the account of “Luis Ortega” after too many failed sign-ins.',
  },
  {
    input: {
      actor: { name: 'Luis Ortega', agency: 'USDA' },
      action: 'update',
      entityType: 'account',
      project: null,
      portfolio: null,
      recordName: 'Luis Ortega',
      changes: { time_zone: { before: null, after: 'America/Los_Angeles' } },
    },
    sentence:
      'Luis Ortega (USDA) set the time zone of the account of “Luis Ortega” to Pacific (Los Angeles).',
  },
  {
    input: {
      actor: { name: 'Priya Raman', agency: 'USDA' },
      action: 'update',
      entityType: 'account',
      project: null,
      portfolio: null,
      recordName: 'Priya Raman',
      changes: {
        email_notifications: {
          before: { 'A CX Action Plan was marked final': 'Email at once' },
          after: { 'A CX Action Plan was marked final': 'In a daily summary email' },
        },
      },
    },
    sentence:
      'Priya Raman (USDA) changed the email choices of the account of “Priya Raman”: A CX Action Plan was marked final: In a daily summary email.',
  },
  {
    input: {
      actor: null,
      action: 'seed',
      entityType: 'workspace',
      project: null,
      portfolio: null,
      changes: {},
    },
    sentence: 'The workspace loaded the reference portfolios.',
  },
  {
    input: {
      actor: null,
      action: 'demo_accounts_created',
      entityType: 'workspace',
      project: null,
      portfolio: null,
      changes: {},
    },
    sentence: 'The workspace created the demo accounts.',
  },
  {
    input: {
      actor: null,
      action: 'demo_accounts_removed',
      entityType: 'workspace',
      project: null,
      portfolio: null,
      changes: {},
    },
    sentence: 'The workspace removed the demo accounts.',
  },
  // Actions added later read in words, never as raw names
  {
    input: {
      action: 'archive',
      entityType: 'journey_map',
      entityId: '5',
      project: null,
      recordName: 'WIC',
      changes: {},
    },
    sentence: 'Luis Ortega (USDA) archived journey map “WIC”.',
  },
  {
    input: {
      action: 'undo_delete',
      entityType: 'new_kind',
      entityId: '5',
      project: null,
      recordName: 'X',
      changes: { some_field: { before: 1, after: 2 } },
    },
    sentence: 'Luis Ortega (USDA) made a change (undo delete) to new kind “X” (some field).',
    href: null,
  },
  // An old PMC snapshot kept only field names
  {
    input: {
      action: 'update',
      entityType: 'milestone',
      entityId: '12',
      recordName: 'Deliver kits',
      changes: ['status', 'due_date'],
    },
    sentence:
      'Luis Ortega (USDA) changed the status and due date of milestone “Deliver kits” in project “Newborn kits”.',
  },
];

describe('audit rows in plain language', () => {
  it.each(TABLE)('$input.entityType $input.action → $sentence', ({ input, sentence, href }) => {
    const d = describeAuditEntry({ ...base, changes: {}, ...input } as AuditEntryInput);
    expect(d.sentence).toBe(sentence);
    if (href !== undefined) expect(d.target?.href ?? null).toBe(href);
    // No raw field or table names reach a reader.
    expect(d.sentence).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it('the parts make the sentence', () => {
    const d = describeAuditEntry({
      ...base,
      ...TABLE[1]!.input,
      changes: TABLE[1]!.input.changes ?? {},
    } as AuditEntryInput);
    expect(`${d.who} ${d.did} ${d.target?.text}${d.rest}.`).toBe(d.sentence);
  });

  it.each([
    ['versionLabel', 'version label'],
    ['agency_id', 'agency'],
    ['omb_control_number', 'OMB control number'],
    ['share_bp', 'share bp'],
    ['someNewField', 'some new field'],
  ])('field %s reads “%s”', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});

describe('moments in the viewer’s time zone', () => {
  it.each([
    // Winter: Eastern Standard Time, UTC−5.
    ['2026-11-16T20:05:00.000Z', DEFAULT_TIME_ZONE, 'November 16, 2026, 3:05 PM EST'],
    // Summer: Eastern Daylight Time, UTC−4.
    ['2026-07-04T16:30:00.000Z', DEFAULT_TIME_ZONE, 'July 4, 2026, 12:30 PM EDT'],
    // After midnight UTC is still the evening before in Washington.
    ['2026-12-01T03:15:00.000Z', DEFAULT_TIME_ZONE, 'November 30, 2026, 10:15 PM EST'],
    // The day daylight time ends: 1:30 AM happens twice; the zone tells them apart.
    ['2026-11-01T05:30:00.000Z', DEFAULT_TIME_ZONE, 'November 1, 2026, 1:30 AM EDT'],
    ['2026-11-01T06:30:00.000Z', DEFAULT_TIME_ZONE, 'November 1, 2026, 1:30 AM EST'],
    // A viewer who chose another zone.
    ['2026-11-16T20:05:00.000Z', 'America/Chicago', 'November 16, 2026, 2:05 PM CST'],
    ['2026-07-04T16:30:00.000Z', 'America/Los_Angeles', 'July 4, 2026, 9:30 AM PDT'],
    ['2026-11-16T20:05:00.000Z', 'Pacific/Honolulu', 'November 16, 2026, 10:05 AM HST'],
    ['2026-11-16T20:05:00.000Z', 'UTC', 'November 16, 2026, 8:05 PM UTC'],
    // An unknown zone falls back to Eastern; text that is not a moment is shown as it came.
    ['2026-11-16T20:05:00.000Z', 'Mars/Olympus', 'November 16, 2026, 3:05 PM EST'],
    ['not a date', DEFAULT_TIME_ZONE, 'not a date'],
  ])('%s in %s → %s', (iso, zone, shown) => {
    expect(formatDateTime(iso, zone)).toBe(shown);
  });

  it.each([
    [null, 'America/New_York'],
    [undefined, 'America/New_York'],
    ['America/Phoenix', 'America/Phoenix'],
    ['Pacific/Guam', 'Pacific/Guam'],
    // Real zones the account page does not offer, and junk, read as Eastern.
    ['Europe/Paris', 'America/New_York'],
    ['Mars/Olympus', 'America/New_York'],
  ])('a person who chose %s reads moments in %s', (chosen, zone) => {
    expect(viewerTimeZone(chosen)).toBe(zone);
  });

  it('offers only zones this runtime knows, each written with a short name', () => {
    for (const { zone } of TIME_ZONE_CHOICES) {
      expect(isTimeZone(zone)).toBe(true);
      expect(formatDateTime('2026-11-16T20:05:00.000Z', zone)).toMatch(/ [AP]M [A-Z][A-Z+\-\d]+$/);
    }
  });

  it('knows real zones only', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
