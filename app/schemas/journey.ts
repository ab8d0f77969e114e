import { z } from 'zod';
import {
  FORBIDDEN_TEXT,
  IMPORT_LIMITS,
  MermaidParseError,
  parseMermaid,
} from '~/domain/journey/mermaid';
import { CHANNELS, JOURNEY_LIMITS as L } from '~/domain/journey/types';
import { IdList, IdParam, optionalText, requiredText, VersionField } from './common';

const ONE_LINE = 'Use a single line, without line breaks, tabs or other control characters.';
const oneLine = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((v) => !FORBIDDEN_TEXT.test(v), ONE_LINE);

export const VERSION_LABEL_VALUES = ['as_is', 'to_be', 'other'] as const;

export const JourneyDetailsSchema = z.object({
  title: oneLine(requiredText('title', L.title)),
  personas: optionalText('personas', 1000),
  description: oneLine(optionalText('description', L.description)),
  versionLabel: z.enum(VERSION_LABEL_VALUES, { error: 'Choose as-is, to-be or another version.' }),
  versionName: oneLine(optionalText('version name', 100)),
  projectId: IdParam.optional(),
});
export type JourneyDetailsInput = z.output<typeof JourneyDetailsSchema>;

// Room for the longest list the step page shows back: every actor at full length, ", " between.
const ACTORS_TEXT = L.actorsPerStep * (L.actorName + 2);

/** Actors typed as a comma-separated list. */
const Actors = z
  .string()
  .max(ACTORS_TEXT, `The actors must be at most ${ACTORS_TEXT.toLocaleString('en-US')} characters.`)
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  )
  .refine((list) => list.length <= L.actorsPerStep, `List at most ${L.actorsPerStep} actors.`)
  .refine(
    (list) => list.every((a) => a.length <= L.actorName),
    `Each actor must be at most ${L.actorName} characters.`,
  )
  .refine((list) => list.every((a) => !FORBIDDEN_TEXT.test(a)), ONE_LINE);

export const StepFieldsSchema = z.object({
  title: oneLine(requiredText('step', L.stepTitle)),
  actors: Actors,
  score: z.coerce
    .number({ error: 'Choose a score from 1 to 5.' })
    .int('Choose a score from 1 to 5.')
    .min(1, 'Choose a score from 1 to 5.')
    .max(5, 'Choose a score from 1 to 5.'),
  channel: z.enum(CHANNELS, { error: 'Choose a channel from the list.' }).optional(),
  touchpoint: oneLine(optionalText('agency touchpoint', 200)),
  painPoints: optionalText('pain points', 2000),
  opportunities: optionalText('opportunities', 2000),
  notes: optionalText('notes', 2000),
});
export type StepFields = z.output<typeof StepFieldsSchema>;

const v = { version: VersionField };

/** Every form on the journey edit page; `intent` says which. */
export const JourneyEditSchema = z.discriminatedUnion('intent', [
  JourneyDetailsSchema.extend({ intent: z.literal('details'), ...v }),
  z.object({
    intent: z.literal('add_stage'),
    name: oneLine(requiredText('stage name', L.stageName)),
    ...v,
  }),
  z.object({
    intent: z.literal('rename_stage'),
    stageId: IdParam,
    name: oneLine(requiredText('stage name', L.stageName)),
    ...v,
  }),
  z.object({
    intent: z.literal('move_stage'),
    stageId: IdParam,
    direction: z.enum(['up', 'down']),
    ...v,
  }),
  z.object({ intent: z.literal('delete_stage'), stageId: IdParam, ...v }),
  StepFieldsSchema.extend({ intent: z.literal('add_step'), stageId: IdParam, ...v }),
  z.object({
    intent: z.literal('move_step'),
    stepId: IdParam,
    direction: z.enum(['up', 'down']),
    ...v,
  }),
  z.object({ intent: z.literal('delete_step'), stepId: IdParam, ...v }),
]);
export type JourneyEditInput = z.output<typeof JourneyEditSchema>;

export const EditStepSchema = StepFieldsSchema.extend({
  stageId: IdParam,
  projects: IdList,
  ...v,
});

export const ImportSchema = JourneyDetailsSchema.omit({ title: true, description: true }).extend({
  source: z
    .string({ error: 'Paste the Mermaid source.' })
    .min(1, 'Paste the Mermaid source.')
    .max(200_000, 'The source must be at most 200,000 characters.'),
});

export const CopySchema = z.object({
  versionLabel: z.enum(VERSION_LABEL_VALUES, { error: 'Choose as-is, to-be or another version.' }),
  versionName: oneLine(optionalText('version name', 100)),
});

export { IMPORT_LIMITS };

/** The Mermaid check runs in the schema, so the browser and the server refuse the same source. */
export const ImportWithDiagramSchema = ImportSchema.transform((v, ctx) => {
  try {
    return { ...v, diagram: parseMermaid(v.source) };
  } catch (error) {
    if (!(error instanceof MermaidParseError)) throw error;
    ctx.addIssue({ code: 'custom', path: ['source'], message: error.message });
    return z.NEVER;
  }
});
