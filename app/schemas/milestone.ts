import { z } from 'zod';
import { DateField, optionalText, requiredText, VersionField } from './common';

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'completed', 'missed'] as const;

const fields = {
  title: requiredText('milestone', 500),
  owner: optionalText('owner', 200),
  timingKind: z.enum(['quarter', 'date'], { error: 'Choose how the timing is given.' }),
  fy: z.coerce
    .number({ error: 'Enter a fiscal year like 2025.' })
    .int('Enter a fiscal year like 2025.')
    .min(2000, 'Enter a fiscal year between 2000 and 2100.')
    .max(2100, 'Enter a fiscal year between 2000 and 2100.')
    .optional(),
  quarter: z.coerce
    .number({ error: 'Choose a quarter from 1 to 4.' })
    .int('Choose a quarter from 1 to 4.')
    .min(1, 'Choose a quarter from 1 to 4.')
    .max(4, 'Choose a quarter from 1 to 4.')
    .optional(),
  dueDate: DateField.optional(),
  status: z.enum(MILESTONE_STATUSES, { error: 'Choose a status.' }),
  completedOn: DateField.optional(),
  notes: optionalText('notes', 5000),
};

function check(
  v: {
    timingKind: 'quarter' | 'date';
    fy?: number;
    quarter?: number;
    dueDate?: string;
    status: string;
    completedOn?: string;
  },
  ctx: z.RefinementCtx,
) {
  if (v.timingKind === 'quarter' && v.fy === undefined) {
    ctx.addIssue({ code: 'custom', path: ['fy'], message: 'Enter the fiscal year.' });
  }
  if (v.timingKind === 'quarter' && v.quarter === undefined) {
    ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'Choose the quarter.' });
  }
  if (v.timingKind === 'date' && v.dueDate === undefined) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Enter the date.' });
  }
  if (v.completedOn !== undefined && v.status !== 'completed') {
    ctx.addIssue({
      code: 'custom',
      path: ['completedOn'],
      message: 'Only a completed milestone has a completion date.',
    });
  }
}

export const NewMilestoneSchema = z.object(fields).superRefine(check);
export const EditMilestoneSchema = z
  .object({ ...fields, version: VersionField })
  .superRefine(check);
export type MilestoneInput = z.output<typeof NewMilestoneSchema>;
