import { describe, expect, it } from 'vitest';
import {
  changesByKind,
  curateChanges,
  dueBy,
  milestoneAcross,
  type CurationFacts,
  type CurationRow,
  type MilestoneState,
} from '~/domain/pmc/curate';
import { newWindow } from '~/domain/pmc/quarter';
import { ITEM_KEY } from '~/domain/pmc/texts';

const SINCE = '2026-10-01T12:00:00.000Z';
const WINDOW = newWindow(2026, 4, SINCE);

let nextId = 1;
function row(
  entity_type: string,
  entity_id: string,
  action: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  at = '2026-10-03T15:00:00.000Z',
  project: string | null = 'Apply for retirement benefits online',
): CurationRow {
  return {
    id: nextId++,
    at,
    action,
    entity_type,
    entity_id,
    changes: JSON.stringify(changes),
    project,
  };
}

const ms = (m: Partial<MilestoneState>): MilestoneState => ({
  title: 'Launch the online form',
  status: 'in_progress',
  timing_fy: 2026,
  timing_quarter: 2,
  due_date: null,
  completed_on: null,
  ...m,
});

function facts(rows: CurationRow[], more: Partial<CurationFacts> = {}): CurationFacts {
  return {
    window: WINDOW,
    rows,
    milestones: new Map(),
    titles: { clearance: new Map(), activity: new Map(), plan: new Map() },
    reductions: [],
    ...more,
  };
}

describe('curated changes: one sentence per record and kind', () => {
  it.each<{ name: string; rows: CurationRow[]; more?: Partial<CurationFacts>; want: unknown[] }>([
    {
      name: 'a phase advanced',
      rows: [
        row('project_phase', '4', 'phase_advanced', {
          phase: { before: 'discovery', after: 'design' },
        }),
      ],
      want: [
        {
          kind: 'phase',
          key: 'cp4',
          text: 'Apply for retirement benefits online: moved to Design',
          detail: 'from Discovery, October 3, 2026',
        },
      ],
    },
    {
      name: 'two moves in the window read as one, from the first phase to the last',
      rows: [
        row('project_phase', '4', 'phase_advanced', {
          phase: { before: 'discovery', after: 'design' },
        }),
        row('project_phase', '4', 'phase_requested', { phase: { before: 'design', after: null } }),
        row(
          'project_phase',
          '4',
          'phase_override_advance',
          { phase: { before: 'design', after: 'development' } },
          '2026-11-02T15:00:00.000Z',
        ),
      ],
      want: [{ key: 'cp4', text: 'Apply for retirement benefits online: moved to Development' }],
    },
    {
      name: 'a move back',
      rows: [
        row('project_phase', '4', 'phase_moved_back', {
          phase: { before: 'design', after: 'discovery' },
        }),
      ],
      want: [{ key: 'cp4', text: 'Apply for retirement benefits online: moved back to Discovery' }],
    },
    {
      name: 'moved and moved back again: no net move, nothing to say',
      rows: [
        row('project_phase', '4', 'phase_advanced', {
          phase: { before: 'discovery', after: 'design' },
        }),
        row('project_phase', '4', 'phase_moved_back', {
          phase: { before: 'design', after: 'discovery' },
        }),
      ],
      want: [],
    },
    {
      name: 'a milestone completed',
      rows: [
        row('milestone', '12', 'update', {
          status: { before: 'in_progress', after: 'completed' },
          completed_on: { before: null, after: '2026-10-03' },
        }),
      ],
      more: {
        milestones: new Map([['12', ms({ status: 'completed', completed_on: '2026-10-03' })]]),
      },
      want: [
        {
          kind: 'done',
          key: 'cm12',
          text: 'Milestone ‘Launch the online form’ completed on October 3, 2026',
          detail: 'Apply for retirement benefits online',
        },
      ],
    },
    {
      name: 'a milestone whose timing moved later slipped (unchanged fields read from now)',
      rows: [row('milestone', '12', 'update', { timing_quarter: { before: 2, after: 4 } })],
      more: { milestones: new Map([['12', ms({ timing_quarter: 4 })]]) },
      want: [
        {
          kind: 'slipped',
          key: 'cs12',
          text: 'Milestone ‘Launch the online form’ slipped from FY26 Q2 to FY26 Q4',
        },
      ],
    },
    {
      name: 'a milestone moved earlier did not slip',
      rows: [row('milestone', '12', 'update', { timing_quarter: { before: 4, after: 2 } })],
      more: { milestones: new Map([['12', ms({ timing_quarter: 2 })]]) },
      want: [],
    },
    {
      name: 'a due date moved later, then its title changed after: the window’s end state counts',
      rows: [
        row('milestone', '12', 'update', {
          due_date: { before: '2026-11-01', after: '2027-01-15' },
        }),
      ],
      more: {
        milestones: new Map([
          ['12', ms({ timing_fy: null, timing_quarter: null, due_date: '2027-01-15' })],
        ]),
      },
      want: [
        {
          key: 'cs12',
          text: 'Milestone ‘Launch the online form’ slipped from November 1, 2026 to January 15, 2027',
        },
      ],
    },
    {
      name: 'a milestone marked missed',
      rows: [
        row('milestone', '12', 'update', { status: { before: 'in_progress', after: 'missed' } }),
      ],
      more: { milestones: new Map([['12', ms({ status: 'missed' })]]) },
      want: [
        { key: 'cs12', text: 'Milestone ‘Launch the online form’ marked missed (due FY26 Q2)' },
      ],
    },
    {
      name: 'slipped, then completed: completed only',
      rows: [
        row('milestone', '12', 'update', { timing_quarter: { before: 2, after: 4 } }),
        row('milestone', '12', 'update', {
          status: { before: 'in_progress', after: 'completed' },
          completed_on: { before: null, after: '2026-11-20' },
        }),
      ],
      more: {
        milestones: new Map([
          ['12', ms({ timing_quarter: 4, status: 'completed', completed_on: '2026-11-20' })],
        ]),
      },
      want: [{ key: 'cm12' }],
    },
    {
      name: 'a milestone created in the window and deleted again: nothing',
      rows: [
        row('milestone', '12', 'create', { title: { before: null, after: 'Gone' } }),
        row('milestone', '12', 'delete', {
          title: { before: 'Gone', after: null },
          status: { before: 'completed', after: null },
        }),
      ],
      want: [],
    },
    {
      name: 'a PRA clearance given its control number, and an activity linked to one',
      rows: [
        row(
          'pra_clearance',
          '2',
          'update',
          {
            omb_control_number: { before: null, after: '0960-0001' },
            expires_on: { before: null, after: '2029-09-30' },
          },
          undefined,
          null,
        ),
        row('research_activity', '9', 'link_clearance', {
          clearance: { before: null, after: '0960-0001' },
        }),
      ],
      more: {
        titles: {
          clearance: new Map([['2', 'Customer feedback survey']]),
          activity: new Map([['9', 'Usability test of the form']]),
          plan: new Map(),
        },
      },
      want: [
        {
          kind: 'clearance',
          key: 'cc2',
          text: 'Information collection ‘Customer feedback survey’ cleared by OMB (PRA)',
          detail: 'OMB control number 0960-0001, expires September 30, 2029',
        },
        {
          kind: 'clearance',
          key: 'ca9',
          text: 'Research activity ‘Usability test of the form’ covered by PRA clearance 0960-0001',
        },
      ],
    },
    {
      name: 'a clearance edited without a new control number is no clearance',
      rows: [row('pra_clearance', '2', 'update', { title: { before: 'A', after: 'B' } })],
      want: [],
    },
    {
      name: 'an action plan made final, and one made final then reopened',
      rows: [
        row('action_plan', '1', 'status', { status: { before: 'in_review', after: 'final' } }),
        row('action_plan', '3', 'status', { status: { before: 'in_review', after: 'final' } }),
        row('action_plan', '3', 'reopen', { status: { before: 'final', after: 'draft' } }),
      ],
      more: {
        titles: {
          clearance: new Map(),
          activity: new Map(),
          plan: new Map([['1', 'FY 2027 CX Action Plan']]),
        },
      },
      want: [{ key: 'cf1', text: 'CX Action Plan ‘FY 2027 CX Action Plan’ made final' }],
    },
    {
      name: 'burden reduced: an assessment (or its baseline) changed in the window, saving hours',
      rows: [row('burden_assessment', '7', 'update_step', {}, undefined, null)],
      more: {
        reductions: [
          {
            id: 7,
            baselineId: 6,
            title: 'Online application',
            baselineTitle: 'Paper application',
            hours: '1,200.00',
            hoursNumber: 1200,
          },
          {
            id: 8,
            baselineId: 6,
            title: 'Unchanged in the window',
            baselineTitle: 'Paper application',
            hours: '50.00',
            hoursNumber: 50,
          },
        ],
      },
      want: [
        {
          kind: 'burden',
          key: 'cb7',
          text: 'Burden reduced by 1,200.00 hours a year',
          detail: 'assessment ‘Online application’ against ‘Paper application’',
        },
      ],
    },
    {
      name: 'rows before the window do not count',
      rows: [
        row(
          'project_phase',
          '4',
          'phase_advanced',
          { phase: { before: 'discovery', after: 'design' } },
          '2026-09-01T00:00:00.000Z',
        ),
      ],
      want: [],
    },
  ])('$name', ({ rows, more, want }) => {
    const got = curateChanges(facts(rows, more));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w as object));
    for (const c of got) expect(c.key).toMatch(ITEM_KEY);
  });

  it('lists kinds in order: phase moves, completed, slipped, clearances, burden', () => {
    const got = curateChanges(
      facts(
        [
          row('action_plan', '1', 'status', { status: { before: 'in_review', after: 'final' } }),
          row('milestone', '12', 'update', { status: { before: 'in_progress', after: 'missed' } }),
          row('project_phase', '4', 'phase_advanced', {
            phase: { before: 'discovery', after: 'design' },
          }),
        ],
        { milestones: new Map([['12', ms({ status: 'missed' })]]) },
      ),
    );
    expect(got.map((c) => c.kind)).toEqual(['phase', 'slipped', 'clearance']);
    expect(changesByKind(got).map((g) => g.heading)).toEqual([
      'Phase moves',
      'Milestones slipped',
      'Clearances',
    ]);
  });
});

describe('curated changes: a milestone across the window', () => {
  const q = newWindow(2026, 4, null); // no published update: the quarter, Jul 1 – Sep 30 2026
  it('reads its state at the quarter’s end back from now, past later rows', () => {
    const rows = [
      row(
        'milestone',
        '5',
        'update',
        { timing_fy: { before: 2026, after: 2027 } },
        '2026-08-01T00:00:00Z',
      ),
      row(
        'milestone',
        '5',
        'update',
        { title: { before: 'Old', after: 'New' } },
        '2026-10-15T00:00:00Z',
      ),
    ];
    const { before, after } = milestoneAcross(rows, ms({ title: 'New', timing_fy: 2027 }), q);
    expect(before).toMatchObject({ title: 'Old', timing_fy: 2026 });
    expect(after).toMatchObject({ title: 'Old', timing_fy: 2027 });
  });

  it.each([
    { m: { due_date: '2026-05-01' }, want: '2026-05-01' },
    { m: { due_date: null, timing_fy: 2026, timing_quarter: 2 }, want: '2026-03-31' },
    { m: { due_date: null, timing_fy: 2026, timing_quarter: null }, want: '2026-09-30' },
    { m: { due_date: null, timing_fy: null, timing_quarter: null }, want: null },
  ])('is due by $want', ({ m, want }) => {
    expect(dueBy(ms(m))).toBe(want);
  });
});

describe('curated change keys', () => {
  it.each(['cp4', 'cm12', 'cs12', 'cc2', 'ca9', 'cf1', 'cb7', 'm1', 'd2', 'g3', 'r4'])(
    '%s is an item key',
    (k) => expect(k).toMatch(ITEM_KEY),
  );
  it.each(['c4', 'cx4', 'cm', 'x1', 'cm1a'])('%s is not', (k) => expect(k).not.toMatch(ITEM_KEY));
});
