import { z } from 'zod';
import { requiredText, optionalText, IdList, VersionField } from './common';

const wholeNumber = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((v) => v.replace(/,/g, ''))
    .refine((v) => /^\d{1,10}$/.test(v) && Number(v) <= 2_000_000_000, {
      message: `Enter the ${label} as a whole number, like 3,240.`,
    })
    .transform(Number);

const optionalId = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{1,9}$/.test(v), 'Choose from the list.')
  .transform((v) => (v ? Number(v) : undefined));

const fields = {
  serviceName: requiredText('service name', 200),
  agencyId: z
    .string({ error: 'Choose the agency.' })
    .trim()
    .regex(/^\d{1,9}$/, 'Choose the agency.')
    .transform(Number),
  surveyTitle: requiredText('survey title', 200),
  channel: requiredText('channel', 100),
  serviceStage: requiredText('service stage', 100),
  scale: z.enum(['thumbs', 'likert'], { error: 'Choose how the trust question is answered.' }),
  trustQuestionText: requiredText('trust question text', 500),
  ombControlNumber: optionalText('OMB control number', 20).refine(
    (v) => v === '' || /^\d{4}-\d{4}$/.test(v),
    'Enter the OMB control number as 0000-0000, or leave it empty.',
  ),
  /** Checkboxes for the Likert points 1–5 that count as agreeing. */
  likertAffirmative: z
    .array(z.enum(['1', '2', '3', '4', '5']))
    .max(5)
    .optional()
    .transform((v) => [...new Set((v ?? []).map(Number))].sort((a, b) => a - b)),
  journeyStepId: optionalId,
  projectIds: IdList,
};

function check(v: { scale: string; likertAffirmative: number[] }, ctx: z.RefinementCtx) {
  if (v.scale === 'likert' && v.likertAffirmative.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['likertAffirmative'],
      message: 'Choose the points that count as agreeing (usually 4 and 5).',
    });
  if (v.scale === 'likert' && v.likertAffirmative.length === 5)
    ctx.addIssue({
      code: 'custom',
      path: ['likertAffirmative'],
      message: 'If every point counts as agreeing, trust is always 100%. Leave out at least one.',
    });
}

export const NewCollectionSchema = z.object(fields).superRefine(check);
export const EditCollectionSchema = z
  .object({ ...fields, version: VersionField })
  .superRefine(check);
export type CollectionInput = z.infer<typeof NewCollectionSchema>;

/**
 * The largest survey file accepted: a million responses without open text (about 35 MB) fit
 * with room to spare. The server reads up to this much for the import page alone
 * (app/server/handler.ts); every other page keeps its 24 MB limit.
 */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * The import form's fields besides the file (read on its own, as a stream). The file's rows are
 * checked by app/domain/surveys/format.ts.
 */
export const ImportSchema = z
  .object({
    fy: z.coerce
      .number({ error: 'Enter the fiscal year.' })
      .int('Enter the fiscal year, like 2026.')
      .min(2018, 'Enter a fiscal year from 2018.')
      .max(2100, 'Enter a fiscal year up to 2100.'),
    q: z.coerce
      .number({ error: 'Choose a quarter.' })
      .int()
      .min(1, 'Choose a quarter.')
      .max(4, 'Choose a quarter.'),
    volumeOfCustomers: wholeNumber('volume of customers'),
    customersOffered: wholeNumber('number of customers offered the survey'),
    openText: z
      .literal('yes')
      .optional()
      .transform((v) => v === 'yes'),
    replace: z
      .literal('yes')
      .optional()
      .transform((v) => v === 'yes'),
  })
  .superRefine((v, ctx) => {
    if (v.customersOffered > v.volumeOfCustomers)
      ctx.addIssue({
        code: 'custom',
        path: ['customersOffered'],
        message: 'More customers were offered the survey than were served. Check both numbers.',
      });
  });
export type ImportInput = z.infer<typeof ImportSchema>;

/** The OMB lead's minimum number of respondents before a percentage is shown. */
export const SurveyMinimumSchema = z.object({
  minimum: z
    .string({ error: 'Enter the minimum number of respondents.' })
    .trim()
    .regex(/^\d{1,6}$/, 'Enter the minimum as a whole number, like 30.')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10_000, 'Enter a number from 1 to 10,000.'),
  version: z.coerce.number().int().min(0).max(2_000_000_000),
});
