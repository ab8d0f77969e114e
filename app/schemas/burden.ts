import { z } from 'zod';
import { exceedsYear, MINUTES_PER_YEAR, US_POPULATION } from '~/domain/burden/calc';
import { scaledInteger, secondsFromMinutesText } from '~/domain/burden/units';
import { IdParam, optionalText, requiredText, VersionField } from './common';

/** A typed decimal read exactly into an integer with `places` decimals, within bounds. */
function decimal(label: string, places: number, max: number, opts: { unit?: string } = {}) {
  const scale = 10 ** places;
  const example =
    places === 0
      ? 'a whole number'
      : `a number with at most ${places === 1 ? 'one decimal' : `${places} decimals`}`;
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((text, ctx) => {
      const value = scaledInteger(text, places);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label} as ${example}, 0 or more.` });
        return z.NEVER;
      }
      if (value > max * scale) {
        ctx.addIssue({
          code: 'custom',
          message: `The ${label} must be at most ${max.toLocaleString('en-US')}${opts.unit ? ` ${opts.unit}` : ''}.`,
        });
        return z.NEVER;
      }
      return value;
    });
}

const optionalDecimal = (
  label: string,
  places: number,
  max: number,
  opts: { unit?: string } = {},
) => decimal(label, places, max, opts).optional();

const rating = (label: string) =>
  z.coerce
    .number({ error: `Rate ${label} from 1 to 5.` })
    .int(`Rate ${label} from 1 to 5.`)
    .min(1, `Rate ${label} from 1 to 5.`)
    .max(5, `Rate ${label} from 1 to 5.`)
    .optional();

export const CATEGORY_VALUES = ['learning', 'compliance', 'psychological'] as const;

const MORE_THAN_A_YEAR =
  'That is more minutes per person than a year has (525,600). Check the occurrences and minutes.';

export const ItemSchema = z
  .object({
    category: z.enum(CATEGORY_VALUES, { error: 'Choose learning, compliance or psychological.' }),
    description: requiredText('description', 500),
    stepId: IdParam.optional(),
    peoplePerYear: decimal('number of people affected per year', 0, US_POPULATION, {
      unit: 'people, the U.S. population',
    }),
    occurrencesPerPerson: decimal('occurrences per person per year', 2, 10_000),
    minutesPerOccurrence: optionalDecimal('minutes per occurrence', 1, MINUTES_PER_YEAR, {
      unit: 'minutes, a whole year',
    }),
    outOfPocketDollars: optionalDecimal('out-of-pocket dollars per occurrence', 2, 1_000_000, {
      unit: 'dollars',
    }),
    stress: rating('stress'),
    stigma: rating('stigma'),
    frustration: rating('frustration'),
    autonomy: rating('loss of autonomy'),
    timeEquivalentMinutes: optionalDecimal('time-equivalent in minutes', 1, MINUTES_PER_YEAR, {
      unit: 'minutes',
    }),
  })
  .superRefine((v, ctx) => {
    const minutesTenths =
      v.category === 'psychological'
        ? (v.timeEquivalentMinutes ?? 0)
        : (v.minutesPerOccurrence ?? 0);
    // Minutes are read in tenths, i.e. 6-second steps.
    if (exceedsYear(v.occurrencesPerPerson, minutesTenths * 6)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.category === 'psychological' ? 'timeEquivalentMinutes' : 'minutesPerOccurrence'],
        message: MORE_THAN_A_YEAR,
      });
    }
    if (
      v.category !== 'psychological' &&
      v.minutesPerOccurrence === undefined &&
      v.outOfPocketDollars === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutesPerOccurrence'],
        message: 'Enter the minutes per occurrence, or an out-of-pocket cost.',
      });
    }
    if (
      v.category === 'psychological' &&
      [v.stress, v.stigma, v.frustration, v.autonomy].every((r) => r === undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['stress'],
        message: 'Rate at least one of stress, stigma, frustration or loss of autonomy.',
      });
    }
  });
export type ItemInput = z.output<typeof ItemSchema>;

/**
 * The item form when segments already have their own minutes for the item: more occurrences must
 * not push a segment's time past a year either.
 */
export function itemSchemaWithSegments(
  segments: readonly { name: string; secondsPerOccurrence: number | null; timePercent?: number }[],
) {
  return ItemSchema.superRefine((v, ctx) => {
    if (v.category === 'psychological') return; // a segment's minutes do not count for these
    // A segment without its own minutes takes its percentage of the item's new minutes.
    const over = segments.find((s) =>
      s.secondsPerOccurrence !== null
        ? exceedsYear(v.occurrencesPerPerson, s.secondsPerOccurrence)
        : exceedsYear(v.occurrencesPerPerson, (v.minutesPerOccurrence ?? 0) * 6, s.timePercent),
    );
    if (over) {
      ctx.addIssue({
        code: 'custom',
        path: ['occurrencesPerPerson'],
        message:
          over.secondsPerOccurrence !== null
            ? `With these occurrences, the minutes given for ${over.name} come to more than a year has (525,600). Lower the occurrences or that segment’s minutes.`
            : `At ${over.timePercent ?? 100}% of these minutes, ${over.name} comes to more than a year has (525,600). Lower the occurrences or the minutes.`,
      });
    }
  });
}

/** Converts a validated item form to stored integers. */
export function itemColumns(v: ItemInput) {
  const psych = v.category === 'psychological';
  return {
    category: v.category,
    description: v.description,
    step_id: v.stepId ?? null,
    people_per_year: v.peoplePerYear,
    occurrences_hundredths: v.occurrencesPerPerson,
    seconds_per_occurrence: psych ? 0 : (v.minutesPerOccurrence ?? 0) * 6,
    out_of_pocket_cents: v.outOfPocketDollars ?? 0,
    stress: psych ? (v.stress ?? null) : null,
    stigma: psych ? (v.stigma ?? null) : null,
    frustration: psych ? (v.frustration ?? null) : null,
    autonomy: psych ? (v.autonomy ?? null) : null,
    time_equivalent_seconds:
      psych && v.timeEquivalentMinutes !== undefined ? v.timeEquivalentMinutes * 6 : null,
  };
}

export const AssessmentSchema = z
  .object({
    title: requiredText('title', 200),
    journeyMapId: IdParam.optional(),
    serviceName: optionalText('service name', 200),
    wageDollars: optionalDecimal('hourly wage', 2, 1000, { unit: 'dollars an hour' }),
    wageSource: optionalText('wage source', 300),
    multiplier: optionalDecimal('loaded-wage multiplier', 3, 5),
  })
  .superRefine((v, ctx) => {
    if (v.journeyMapId === undefined && v.serviceName === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceName'],
        message: 'Choose a journey map, or name the service assessed.',
      });
    }
    if (v.multiplier !== undefined && v.multiplier < 1000) {
      ctx.addIssue({
        code: 'custom',
        path: ['multiplier'],
        message: 'A loaded-wage multiplier is 1 or more, for example 1.6.',
      });
    }
  });

export const SegmentSchema = z.object({
  name: requiredText('segment name', 200),
  sharePercent: decimal('share of the people affected', 2, 100, { unit: 'percent' }),
  wageDollars: optionalDecimal('hourly wage', 2, 1000, { unit: 'dollars an hour' }),
  // A whole percentage of the base item's time: 160 for "+60%"; empty is 100 (the same).
  timePercent: optionalDecimal('time as a percentage of everyone else’s', 0, 1000, {
    unit: 'percent',
  }).refine((p) => p === undefined || p >= 1, {
    message: 'Enter the time as a percentage of everyone else’s, 1 or more (100 is the same).',
  }),
});

/** Editing a segment after it was made: the same rules as adding one, on the version read. */
export const EditSegmentSchema = SegmentSchema.extend({ version: VersionField });

export const OverrideSchema = z.object({
  segmentId: IdParam,
  minutesPerOccurrence: optionalDecimal('minutes per occurrence', 1, MINUTES_PER_YEAR, {
    unit: 'minutes',
  }),
  outOfPocketDollars: optionalDecimal('out-of-pocket dollars', 2, 1_000_000, { unit: 'dollars' }),
});

/**
 * A segment's own figures for an item that occurs `occurrencesHundredths` times a person a year:
 * like an item's, its occurrences × minutes must fit in a year.
 */
export function overrideSchema(occurrencesHundredths: number) {
  return OverrideSchema.superRefine((v, ctx) => {
    if (
      v.minutesPerOccurrence !== undefined &&
      exceedsYear(occurrencesHundredths, v.minutesPerOccurrence * 6)
    ) {
      ctx.addIssue({ code: 'custom', path: ['minutesPerOccurrence'], message: MORE_THAN_A_YEAR });
    }
  });
}

export const WageSettingSchema = z.object({
  wageDollars: decimal('hourly wage', 2, 1000, { unit: 'dollars an hour' }),
  source: requiredText('source', 300),
  year: z.coerce
    .number({ error: 'Enter the year, like 2024.' })
    .int()
    .min(1990, 'Enter a year from 1990.')
    .max(2100, 'Enter a year up to 2100.'),
  version: VersionField,
});

export { secondsFromMinutesText };

const v = { version: VersionField };

/**
 * Every form on an assessment's page; `intent` says which. The item and details forms keep their
 * own rules (their refinements), with the version the page was read at.
 */
export const AssessmentEditSchema = z.discriminatedUnion('intent', [
  ItemSchema.safeExtend({ intent: z.literal('add_item'), ...v }),
  SegmentSchema.extend({ intent: z.literal('add_segment'), ...v }),
  z.object({ intent: z.literal('delete_segment'), segmentId: IdParam, ...v }),
  AssessmentSchema.safeExtend({ intent: z.literal('details'), ...v }),
  z.object({ intent: z.literal('copy'), title: requiredText('title', 200) }),
]);
export type AssessmentEditInput = z.output<typeof AssessmentEditSchema>;

/**
 * Every form on a burden item's page; `intent` says which. The item's occurrences and each
 * segment's minutes must still fit in a year: the rules take the item's and segments' figures.
 */
export function itemPageSchema(
  occurrencesHundredths: number,
  segments: Parameters<typeof itemSchemaWithSegments>[0],
) {
  return z.discriminatedUnion('intent', [
    itemSchemaWithSegments(segments).safeExtend({ intent: z.literal('save'), ...v }),
    overrideSchema(occurrencesHundredths).safeExtend({ intent: z.literal('override'), ...v }),
    z.object({ intent: z.literal('delete'), ...v }),
  ]);
}
