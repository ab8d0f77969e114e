import { z } from 'zod';
import { IdList, IdParam, optionalText, requiredText, VersionField } from './common';

const fields = {
  name: requiredText('portfolio name', 200),
  description: requiredText('description', 5000),
  leadAgencyId: IdParam.optional().refine((v) => v !== undefined, 'Choose the lead agency.'),
  agencies: IdList.refine((v) => v.length > 0, 'Choose at least one participating agency.'),
  cycleStartFy: z.coerce
    .number({ error: 'Enter the fiscal year the cycle starts, like 2022.' })
    .int('Enter a whole fiscal year, like 2022.')
    .min(2020, 'Enter a fiscal year from 2020 to 2100.')
    .max(2100, 'Enter a fiscal year from 2020 to 2100.'),
};

function leadParticipates(v: { leadAgencyId?: number; agencies: number[] }, ctx: z.RefinementCtx) {
  if (v.leadAgencyId !== undefined && !v.agencies.includes(v.leadAgencyId)) {
    ctx.addIssue({
      code: 'custom',
      path: ['agencies'],
      message: 'The lead agency must also be a participating agency.',
    });
  }
}

export const NewPortfolioSchema = z.object(fields).superRefine(leadParticipates);
export const EditPortfolioSchema = z
  .object({ ...fields, version: VersionField })
  .superRefine(leadParticipates);
export type PortfolioInput = z.output<typeof NewPortfolioSchema>;

export const CharterSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('save'),
    charterText: optionalText('charter', 50000),
    version: VersionField,
  }),
  z.object({ intent: z.literal('sign'), agencyId: IdParam }),
]);

export const PeopleSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('change_poc'),
    agencyId: IdParam,
    personId: IdParam.optional().refine((v) => v !== undefined, 'Choose the new point of contact.'),
  }),
  z.object({
    intent: z.literal('set_pmc'),
    agencyId: IdParam,
    personId: IdParam.optional().refine((v) => v !== undefined, 'Choose the PMC member.'),
  }),
]);
