import { z } from 'zod';
import { DateField, IdParam, optionalText, requiredText, VersionField } from './common';
import { INT_MAX } from './params';

export const NewPlanSchema = z.object({
  fiscalYear: z.coerce
    .number({ error: 'Enter the fiscal year, like 2027.' })
    .int('Enter a whole fiscal year, like 2027.')
    .min(2022, 'Enter a fiscal year from 2022.')
    .max(2100, 'Enter a fiscal year up to 2100.'),
  /** Blank: named after the portfolio and the fiscal year entered (defaultPlanTitle). */
  title: optionalText('title', 200),
});

/** A named version of the plan as it is now, from the live editor's page. */
export const NamePlanVersionSchema = z.object({
  name: requiredText('version name', 100),
  note: optionalText('note', 1000),
});

/**
 * A save without JavaScript: the plan as Markdown from the plain-text form, with the version the
 * page showed (the base its sections are merged from).
 */
export const SavePlanMarkdownSchema = z.object({
  markdown: z
    .string({ error: 'The plan text is missing.' })
    .max(1_000_000, 'The plan text is too long to save (at most 1,000,000 characters).'),
  version: VersionField,
  name: optionalText('version name', 100),
  note: optionalText('note', 1000),
});

export const MoveSchema = z.object({
  to: z.enum(['draft', 'in_review', 'final'], { error: 'Choose a status.' }),
  version: VersionField,
});

/** A plan's due date: required, a real YYYY-MM-DD date, with a message naming which one. */
const dueDate = (which: 'draft' | 'final plan') =>
  z
    .string({ error: `Enter the date the ${which} is due.` })
    .trim()
    .min(1, `Enter the date the ${which} is due.`)
    .pipe(DateField);

const DUE_DATE_FIELDS = {
  draftDue: dueDate('draft'),
  finalDue: dueDate('final plan'),
  version: VersionField,
};

/** The final plan is due after the draft. */
const dueInOrder = <T extends z.ZodType<{ draftDue: string; finalDue: string }>>(schema: T) =>
  schema.refine((v) => v.draftDue <= v.finalDue, {
    path: ['finalDue'],
    message: 'The final plan is due after the draft.',
    // Compared only once both dates are real ones (a blank date says so by itself).
    when: (payload) => payload.issues.length === 0,
  });

/** An OMB lead's change to a plan's due dates (policy: plan.set_due_dates). */
export const DueDatesSchema = dueInOrder(z.object(DUE_DATE_FIELDS));

export const RestoreSchema = z.object({
  fromVersion: z.coerce.number().int().min(1).max(INT_MAX),
  version: VersionField,
});

const SECTION = z.coerce
  .number({ error: 'Choose a section.' })
  .int()
  .min(0, 'Choose a section.')
  .max(7, 'Choose a section.');

export const CitationSchema = z.object({
  section: SECTION,
  evidence: z
    .string({ error: 'Choose the evidence to cite.' })
    .regex(
      /^(journey_step|research_activity|burden_savings):\d{1,15}$/,
      'Choose the evidence to cite.',
    )
    .transform((v) => {
      const [kind, id] = v.split(':') as [
        'journey_step' | 'research_activity' | 'burden_savings',
        string,
      ];
      return { kind, refId: Number(id) };
    }),
  note: optionalText('note', 500),
});

export const CommentSchema = z.object({ section: SECTION, body: requiredText('comment', 2000) });
export const ResolveSchema = z.object({ commentId: IdParam });

/**
 * Every form on a plan's page, by its button's intent: comment (anyone who reads the plan),
 * cite, resolve, move, restore (editors) and due (an OMB lead).
 */
export const PlanViewActionSchema = z.discriminatedUnion('intent', [
  CommentSchema.extend({ intent: z.literal('comment') }),
  CitationSchema.extend({ intent: z.literal('cite') }),
  ResolveSchema.extend({ intent: z.literal('resolve') }),
  MoveSchema.extend({ intent: z.literal('move') }),
  dueInOrder(z.object({ ...DUE_DATE_FIELDS, intent: z.literal('due') })),
  RestoreSchema.extend({ intent: z.literal('restore') }),
]);

/** `?cite=1` opens the form for citing evidence, which lists the portfolio's pain points,
 * research and to-be assessments; the read view itself does not carry that list. */
export const PlanViewParams = z.object({ cite: z.literal('1').optional() });
