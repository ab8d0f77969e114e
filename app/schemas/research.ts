import { z } from 'zod';
import { scaledInteger } from '~/domain/burden/units';
import { DateField, IdList, IdParam, optionalText, requiredText, VersionField } from './common';

export const METHODS = [
  'interviews',
  'focus_group',
  'usability_test',
  'card_sort',
  'survey',
  'listening_session',
  'observation',
  'recruitment_screener',
  'post_transaction_survey',
] as const;

const PHASE = z.enum(['discovery', 'design', 'development', 'measurement'], {
  error: 'Choose a phase.',
});
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

export const ActivitySchema = z
  .object({
    title: requiredText('title', 200),
    method: z.enum(METHODS, { error: 'Choose a method.' }),
    purpose: requiredText('purpose', 500),
    questions: optionalText('questions', 10_000),
    unscripted: checkbox,
    phase: PHASE,
    screeningQuestions: optionalText('screening questions', 2000),
    incentiveDollars: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const cents = scaledInteger(v, 2);
        if (cents === null || cents > 100_000) {
          ctx.addIssue({
            code: 'custom',
            message: 'Enter the incentive in dollars, from 0 to 1,000, like 50 or 25.00.',
          });
          return z.NEVER;
        }
        return cents;
      }),
    incentiveKind: optionalText('kind of incentive', 200),
    counselApproved: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.incentiveDollars ?? 0) > 0 && !v.counselApproved) {
      ctx.addIssue({
        code: 'custom',
        path: ['counselApproved'],
        message:
          'Incentives need your agency legal counsel’s approval (A-11 280.8). Record it before offering one.',
      });
    }
  });
export type ActivityInput = z.output<typeof ActivitySchema>;

/** A pseudonymous participant code. Names, emails and phone numbers are refused. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
function codes(label: string) {
  return z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      const list = (text ?? '')
        .split(/[\r\n,;]+/)
        .map((c) => c.trim())
        .filter(Boolean);
      for (const code of list) {
        if (code.includes('@') || /\d{7,}/.test(code) || !CODE.test(code)) {
          ctx.addIssue({
            code: 'custom',
            message: `“${code.slice(0, 40)}” is not a pseudonymous code. Use codes like P-014 for ${label}: no names, emails or phone numbers.`,
          });
          return z.NEVER;
        }
      }
      if (list.length > 500) {
        ctx.addIssue({ code: 'custom', message: 'At most 500 participants in one session.' });
        return z.NEVER;
      }
      return list;
    });
}

export const SessionSchema = z
  .object({
    heldOn: DateField,
    publicCodes: codes('members of the public'),
    federalCodes: codes('federal employees'),
    contractorCodes: codes('contractors'),
    version: VersionField,
  })
  .superRefine((v, ctx) => {
    const all = [...v.publicCodes, ...v.federalCodes, ...v.contractorCodes].map((c) =>
      c.toUpperCase(),
    );
    if (all.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['publicCodes'],
        message: 'Enter at least one participant code.',
      });
    }
    const dup = all.find((c, i) => all.indexOf(c) !== i);
    if (dup)
      ctx.addIssue({ code: 'custom', path: ['publicCodes'], message: `${dup} is listed twice.` });
  });

const ClearanceFields = z.object({
  title: requiredText('title', 300),
  kind: z.enum(['generic', 'standard', 'fast_track', 'emergency'], {
    error: 'Choose the kind of clearance.',
  }),
  controlNumber: z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{4}$/,
      'Enter the OMB control number as four digits, a hyphen and four digits, like 0690-0036.',
    )
    .optional(),
  expiresOn: DateField.optional(),
});

/** An OMB control number and its expiration date come together, or not at all. */
function numberWithDate(
  v: { controlNumber?: string; expiresOn?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.controlNumber && !v.expiresOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresOn'],
      message: 'A control number comes with its expiration date.',
    });
  }
  if (v.expiresOn && !v.controlNumber) {
    ctx.addIssue({
      code: 'custom',
      path: ['controlNumber'],
      message: 'An expiration date comes with its OMB control number.',
    });
  }
}

export const ClearanceSchema = ClearanceFields.superRefine(numberWithDate);

/**
 * Editing a clearance: its fields (a pending one gets its number and date), and the activities
 * to unlink from it (checkboxes, none by default).
 */
export const ClearanceEditSchema = ClearanceFields.extend({
  clearanceId: IdParam,
  unlink: IdList,
  version: VersionField,
}).superRefine(numberWithDate);
export type ClearanceEditInput = z.output<typeof ClearanceEditSchema>;

const yesNo = (label: string) => z.enum(['yes', 'no'], { error: `Answer: ${label}` });
export const DecisionSchema = z.object({
  tenOrMore: yesNo('will ten or more people take part in 12 months?'),
  membersOfPublic: yesNo('are they members of the public?'),
  sameQuestions: yesNo('are the same questions asked of each?'),
  observationOnly: yesNo('is it direct observation or open conversation only?'),
  outcome: requiredText('outcome', 2000),
  version: VersionField,
});

export const OverrideSchema = z.object({
  reason: requiredText('reason for the override', 2000),
  version: VersionField,
});
export const LinkClearanceSchema = z.object({ clearanceId: IdParam, version: VersionField });

export const PlanningSchema = z.object({
  activity: IdParam,
  n: z.coerce
    .number({ error: 'Enter how many people.' })
    .int('Enter a whole number of people.')
    .min(1, 'Enter 1 or more people.')
    .max(10_000, 'Enter at most 10,000 people.'),
  date: DateField,
});

const v = { version: VersionField };

/** Every form on a research activity's page; `intent` says which. */
export const ActivityEditSchema = z.discriminatedUnion('intent', [
  ActivitySchema.safeExtend({ intent: z.literal('update'), ...v }),
  SessionSchema.safeExtend({ intent: z.literal('add_session') }),
  z.object({ intent: z.literal('delete_session'), sessionId: IdParam, ...v }),
  LinkClearanceSchema.extend({ intent: z.literal('link_clearance') }),
  DecisionSchema.extend({ intent: z.literal('decision') }),
  OverrideSchema.extend({ intent: z.literal('override') }),
]);

/**
 * The one form on a portfolio's PRA page: the workspace's setting for contractors (any answer but
 * "yes" is no). Clearances are recorded and edited on pages of their own.
 */
export const PraPageSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('contractors'),
    countContractors: z
      .unknown()
      .optional()
      .transform((v) => v === 'yes'),
  }),
]);
