import { z } from 'zod';
import { CADENCE_MONTHS, type Cadence } from '~/domain/measures/status';
import { SOURCE_KINDS } from '~/domain/measures/sources';
import { DateField, optionalText, requiredText, VersionField } from './common';
import { IdParam } from './params';

/** A figure as typed: digits, an optional sign and decimals, thousands separators allowed. */
function figureField(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((v) => v.replace(/,/g, ''))
    .refine((v) => /^-?\d{1,12}(\.\d{1,6})?$/.test(v), `Enter the ${label} as a number, like 72.5.`)
    .transform(Number);
}

const CADENCES = Object.keys(CADENCE_MONTHS) as [Cadence, ...Cadence[]];

const fields = {
  name: requiredText('name', 200),
  definition: requiredText('definition', 2000),
  unit: optionalText('unit', 20),
  direction: z.enum(['higher', 'lower'], { error: 'Choose whether higher or lower is better.' }),
  baselineValue: figureField('baseline value'),
  baselineDate: DateField,
  targetValue: figureField('target value'),
  targetDate: DateField,
  dataSource: requiredText('data source', 500),
  cadence: z.enum(CADENCES, { error: 'Choose how often it is measured.' }),
  /** Percent of the baseline-to-target distance; empty for the default 10 %. */
  tolerance: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100),
      'Enter the tolerance as a percentage from 0 to 100, or leave it empty for 10.',
    )
    .transform((v) => (v ? Number(v) : undefined)),
  ownerAgencyId: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,9}$/.test(v), 'Choose an agency from the list.')
    .transform((v) => (v ? Number(v) : undefined)),
  sourceKind: z
    .enum(SOURCE_KINDS, { error: 'Choose where the actual values come from.' })
    .optional()
    .transform((v) => v ?? 'manual'),
  sourceCollectionId: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,9}$/.test(v), 'Choose a survey collection from the list.')
    .transform((v) => (v ? Number(v) : undefined)),
  sourceAssessmentId: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,9}$/.test(v), 'Choose a burden assessment from the list.')
    .transform((v) => (v ? Number(v) : undefined)),
};

function check(
  v: {
    baselineDate: string;
    targetDate: string;
    baselineValue: number;
    targetValue: number;
    sourceKind: string;
    sourceCollectionId?: number;
    sourceAssessmentId?: number;
  },
  ctx: z.RefinementCtx,
) {
  if (v.sourceKind === 'survey_trust' && v.sourceCollectionId === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['sourceCollectionId'],
      message: 'Choose the survey collection whose trust figure this measures.',
    });
  if (v.sourceKind.startsWith('burden_') && v.sourceAssessmentId === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['sourceAssessmentId'],
      message: 'Choose the burden assessment whose time tax this measures.',
    });
  if (v.targetDate <= v.baselineDate)
    ctx.addIssue({
      code: 'custom',
      path: ['targetDate'],
      message: 'The target date must come after the baseline date.',
    });
}

export const NewMeasureSchema = z.object(fields).superRefine(check);
export const EditMeasureSchema = z.object({ ...fields, version: VersionField }).superRefine(check);
export type MeasureInput = z.infer<typeof NewMeasureSchema>;

/** The measure page's buttons: record an actual value, remove one. */
export const MeasureActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add_actual'),
    value: figureField('value'),
    onDate: DateField,
    note: optionalText('note', 500),
  }),
  z.object({ intent: z.literal('remove_actual'), actualId: IdParam }),
]);
