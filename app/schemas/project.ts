import { z } from 'zod';
import { IdList, IdParam, optionalText, requiredText, VersionField } from './common';

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;

const projectFields = {
  name: requiredText('project name', 200),
  summary: optionalText('summary', 2000),
  painPoints: optionalText('pain points', 5000),
  outcomesShortTerm: optionalText('short-term outcomes', 5000),
  outcomesLongTerm: optionalText('long-term outcomes', 5000),
  theoryOfChange: optionalText('theory of change', 5000),
  agencies: IdList,
  ownerAgencyId: IdParam.optional(),
  health: z.enum(HEALTHS, { error: 'Choose the project’s health.' }),
  healthReason: optionalText('reason', 1000),
};

const needsReason = (v: { health: string; healthReason: string }, ctx: z.RefinementCtx) => {
  if (v.health !== 'on_track' && v.healthReason === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['healthReason'],
      message: 'Explain why the project is at risk or off track.',
    });
  }
};

export const NewProjectSchema = z.object(projectFields).superRefine(needsReason);
export const EditProjectSchema = z
  .object({ ...projectFields, version: VersionField })
  .superRefine(needsReason);
export type ProjectInput = z.output<typeof NewProjectSchema>;
