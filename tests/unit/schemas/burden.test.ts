import { describe, expect, it } from 'vitest';
import {
  ItemSchema,
  itemSchemaWithSegments,
  overrideSchema,
  SegmentSchema,
  WageSettingSchema,
} from '~/schemas/burden';

/** The messages a schema gives, by field: what a person would see next to each field. */
function messages(
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
): Record<string, string[]> | null {
  const r = schema.safeParse(input);
  if (r.success) return null;
  const out: Record<string, string[]> = {};
  for (const issue of r.error!.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

const compliance = {
  category: 'compliance',
  description: 'Fill in the application',
  peoplePerYear: '1000',
  occurrencesPerPerson: '1',
  minutesPerOccurrence: '45',
};
const psychological = {
  category: 'psychological',
  description: 'Stress of repeating the same information',
  peoplePerYear: '1000',
  occurrencesPerPerson: '1',
  stress: '4',
  timeEquivalentMinutes: '10',
};
const MORE_THAN_A_YEAR =
  'That is more minutes per person than a year has (525,600). Check the occurrences and minutes.';

describe('burden forms refuse bad numbers with a clear message', () => {
  it('accepts a sensible item', () => {
    expect(messages(ItemSchema, compliance)).toBeNull();
    expect(messages(ItemSchema, psychological)).toBeNull();
  });

  it.each([
    {
      name: 'negative people',
      input: { ...compliance, peoplePerYear: '-5' },
      field: 'peoplePerYear',
      message: 'Enter the number of people affected per year as a whole number, 0 or more.',
    },
    {
      name: 'negative minutes',
      input: { ...compliance, minutesPerOccurrence: '-45' },
      field: 'minutesPerOccurrence',
      message: 'Enter the minutes per occurrence as a number with at most one decimal, 0 or more.',
    },
    {
      name: 'negative out-of-pocket dollars',
      input: { ...compliance, outOfPocketDollars: '-12.50' },
      field: 'outOfPocketDollars',
      message:
        'Enter the out-of-pocket dollars per occurrence as a number with at most 2 decimals, 0 or more.',
    },
    {
      name: 'NaN occurrences',
      input: { ...compliance, occurrencesPerPerson: 'NaN' },
      field: 'occurrencesPerPerson',
      message:
        'Enter the occurrences per person per year as a number with at most 2 decimals, 0 or more.',
    },
    {
      name: 'words for minutes',
      input: { ...compliance, minutesPerOccurrence: 'forty-five' },
      field: 'minutesPerOccurrence',
      message: 'Enter the minutes per occurrence as a number with at most one decimal, 0 or more.',
    },
    {
      name: 'Infinity people',
      input: { ...compliance, peoplePerYear: 'Infinity' },
      field: 'peoplePerYear',
      message: 'Enter the number of people affected per year as a whole number, 0 or more.',
    },
    {
      name: 'more people than the U.S. has',
      input: { ...compliance, peoplePerYear: '340,110,989' },
      field: 'peoplePerYear',
      message:
        'The number of people affected per year must be at most 340,110,988 people, the U.S. population.',
    },
    {
      name: 'more minutes than a year has (365 × 1,500 minutes)',
      input: { ...compliance, occurrencesPerPerson: '365', minutesPerOccurrence: '1500' },
      field: 'minutesPerOccurrence',
      message: MORE_THAN_A_YEAR,
    },
    {
      name: 'a time-equivalent longer than a year',
      input: { ...psychological, occurrencesPerPerson: '2', timeEquivalentMinutes: '262800.1' },
      field: 'timeEquivalentMinutes',
      message: MORE_THAN_A_YEAR,
    },
  ])('item: $name', ({ input, field, message }) => {
    expect(messages(ItemSchema, input)?.[field]).toEqual([message]);
  });

  it('a whole year is allowed, a tenth of a minute more is not', () => {
    const year = { ...compliance, occurrencesPerPerson: '365', minutesPerOccurrence: '1440' };
    expect(messages(ItemSchema, year)).toBeNull();
    expect(messages(ItemSchema, { ...year, minutesPerOccurrence: '1440.1' })).toEqual({
      minutesPerOccurrence: [MORE_THAN_A_YEAR],
    });
  });

  it.each([
    { name: 'negative share', input: { name: 'Rural', sharePercent: '-15' } },
    { name: 'NaN share', input: { name: 'Rural', sharePercent: 'NaN' } },
  ])('segment: $name', ({ input }) => {
    expect(messages(SegmentSchema, input)).toEqual({
      sharePercent: [
        'Enter the share of the people affected as a number with at most 2 decimals, 0 or more.',
      ],
    });
  });

  it('segment: a wage that is not a number', () => {
    expect(
      messages(SegmentSchema, { name: 'Rural', sharePercent: '15', wageDollars: 'lots' }),
    ).toEqual({
      wageDollars: ['Enter the hourly wage as a number with at most 2 decimals, 0 or more.'],
    });
  });

  it('default wage: negative', () => {
    expect(
      messages(WageSettingSchema, { wageDollars: '-3', source: 'BLS', year: '2024', version: '1' }),
    ).toEqual({
      wageDollars: ['Enter the hourly wage as a number with at most 2 decimals, 0 or more.'],
    });
  });
});

describe('a segment’s own minutes must fit in a year, like an item’s', () => {
  const figures = { segmentId: '7', minutesPerOccurrence: '1500' };

  it('checks occurrences × the segment’s minutes', () => {
    // Once a year, 1,500 minutes is fine; 365 times a year it is 547,500 minutes.
    expect(messages(overrideSchema(100), figures)).toBeNull();
    expect(messages(overrideSchema(36_500), figures)).toEqual({
      minutesPerOccurrence: [MORE_THAN_A_YEAR],
    });
    expect(
      messages(overrideSchema(36_500), { segmentId: '7', outOfPocketDollars: '5' }),
    ).toBeNull();
  });

  it('refuses negative and non-numeric minutes', () => {
    const message =
      'Enter the minutes per occurrence as a number with at most one decimal, 0 or more.';
    expect(messages(overrideSchema(100), { ...figures, minutesPerOccurrence: '-90' })).toEqual({
      minutesPerOccurrence: [message],
    });
    expect(messages(overrideSchema(100), { ...figures, minutesPerOccurrence: 'NaN' })).toEqual({
      minutesPerOccurrence: [message],
    });
  });

  it('an item cannot be given so many occurrences that a segment’s minutes exceed a year', () => {
    const schema = itemSchemaWithSegments([
      { name: 'Limited English proficiency', secondsPerOccurrence: 5_400 },
      { name: 'Rural residents', secondsPerOccurrence: null },
    ]);
    expect(messages(schema, { ...compliance, occurrencesPerPerson: '12' })).toBeNull();
    // 10,000 × 90 minutes = 900,000 minutes, though everyone else's 45 minutes would fit.
    expect(messages(schema, { ...compliance, occurrencesPerPerson: '10000' })).toEqual({
      occurrencesPerPerson: [
        'With these occurrences, the minutes given for Limited English proficiency come to more than a year has (525,600). Lower the occurrences or that segment’s minutes.',
      ],
    });
  });
});
