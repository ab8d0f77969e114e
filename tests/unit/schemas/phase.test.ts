import { describe, expect, it } from 'vitest';
import { NewMilestoneSchema } from '~/schemas/milestone';
import { AnswerSchema, PhaseGateSchema } from '~/schemas/phase';
import { NewPortfolioSchema } from '~/schemas/portfolio';
import { NewProjectSchema } from '~/schemas/project';

function firstError(
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
) {
  const r = schema.safeParse(input);
  if (r.success) return null;
  const issue = r.error!.issues[0]!;
  return { path: issue.path.join('.'), message: issue.message };
}

const project = { name: 'Kits', health: 'on_track' };
const milestone = {
  title: 'Launch',
  timingKind: 'quarter',
  fy: '2025',
  quarter: '2',
  status: 'planned',
};

describe('bad input gets a clear message on the right field (phase-gate forms and edits)', () => {
  it.each([
    {
      name: 'whitespace project name',
      schema: NewProjectSchema,
      input: { ...project, name: '   ' },
      path: 'name',
      message: 'Enter the project name.',
    },
    {
      name: '10,000-character summary',
      schema: NewProjectSchema,
      input: { ...project, summary: 'x'.repeat(10_000) },
      path: 'summary',
      message: 'The summary must be at most 2,000 characters.',
    },
    {
      name: 'at risk without a reason',
      schema: NewProjectSchema,
      input: { ...project, health: 'at_risk' },
      path: 'healthReason',
      message: 'Explain why the project is at risk or off track.',
    },
    {
      name: 'unknown health',
      schema: NewProjectSchema,
      input: { ...project, health: 'fine' },
      path: 'health',
      message: 'Choose the project’s health.',
    },
    {
      name: 'impossible date',
      schema: NewMilestoneSchema,
      input: { ...milestone, timingKind: 'date', dueDate: '2025-02-30' },
      path: 'dueDate',
      message: 'Enter a real date as YYYY-MM-DD, for example 2025-01-31.',
    },
    {
      name: 'quarter 5',
      schema: NewMilestoneSchema,
      input: { ...milestone, quarter: '5' },
      path: 'quarter',
      message: 'Choose a quarter from 1 to 4.',
    },
    {
      name: 'quarter timing without a quarter',
      schema: NewMilestoneSchema,
      input: { ...milestone, quarter: undefined },
      path: 'quarter',
      message: 'Choose the quarter.',
    },
    {
      name: 'quarter timing without a fiscal year',
      schema: NewMilestoneSchema,
      input: { ...milestone, fy: undefined },
      path: 'fy',
      message: 'Enter the fiscal year.',
    },
    {
      name: 'quarter that is not a number',
      schema: NewMilestoneSchema,
      input: { ...milestone, quarter: 'Q2' },
      path: 'quarter',
      message: 'Choose a quarter from 1 to 4.',
    },
    {
      name: 'fiscal year 99999',
      schema: NewMilestoneSchema,
      input: { ...milestone, fy: '99999' },
      path: 'fy',
      message: 'Enter a fiscal year between 2000 and 2100.',
    },
    {
      name: 'completion date on a planned milestone',
      schema: NewMilestoneSchema,
      input: { ...milestone, completedOn: '2025-01-01' },
      path: 'completedOn',
      message: 'Only a completed milestone has a completion date.',
    },
    {
      name: 'portfolio lead agency not participating',
      schema: NewPortfolioSchema,
      input: {
        name: 'P',
        description: 'D',
        leadAgencyId: '1',
        agencies: ['2'],
        cycleStartFy: '2026',
      },
      path: 'agencies',
      message: 'The lead agency must also be a participating agency.',
    },
    {
      name: 'non-concur with comment field',
      schema: AnswerSchema,
      input: { intent: 'answer', agencyId: '1', answer: 'maybe' },
      path: 'answer',
      message: 'Choose your agency’s answer.',
    },
    {
      name: 'empty evidence',
      schema: PhaseGateSchema,
      input: { intent: 'request', toPhase: 'design', evidence: ' ' },
      path: 'evidence',
      message: 'Enter the evidence summary.',
    },
  ])('$name', ({ schema, input, path, message }) => {
    expect(firstError(schema, input)).toEqual({ path, message });
  });

  it('quarter timing with neither fiscal year nor quarter flags both fields', () => {
    const r = NewMilestoneSchema.safeParse({ ...milestone, fy: undefined, quarter: undefined });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['fy', 'Enter the fiscal year.'],
      ['quarter', 'Choose the quarter.'],
    ]);
  });

  it('a date needs no fiscal year or quarter', () => {
    expect(
      NewMilestoneSchema.safeParse({
        title: 'Launch',
        timingKind: 'date',
        dueDate: '2025-06-30',
        status: 'planned',
      }).success,
    ).toBe(true);
  });

  it.each([
    { schema: NewProjectSchema, input: project },
    { schema: NewMilestoneSchema, input: milestone },
    {
      schema: NewMilestoneSchema,
      input: {
        ...milestone,
        timingKind: 'date',
        fy: undefined,
        quarter: undefined,
        dueDate: '2024-02-29',
      },
    },
  ])('accepts good input %#', ({ schema, input }) => {
    expect(firstError(schema, input)).toBeNull();
  });
});
