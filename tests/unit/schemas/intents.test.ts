import { describe, expect, it } from 'vitest';
import { AssessmentEditSchema } from '~/schemas/burden';
import { ActivityEditSchema, ClearanceSchema, PraPageSchema } from '~/schemas/research';

/** Each message a schema gives, by field ('' for the form). */
function issues(r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (r.success) return null;
  return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const item = {
  category: 'compliance',
  description: 'Fill in the application',
  peoplePerYear: '1000',
  occurrencesPerPerson: '1',
  version: '3',
};

// The one schema per page keeps each form's own rules (its refinements) under its intent.
describe('the assessment page', () => {
  it.each([
    [{ intent: 'add_item', ...item, minutesPerOccurrence: '10' }, null],
    [
      { intent: 'add_item', ...item },
      ['minutesPerOccurrence: Enter the minutes per occurrence, or an out-of-pocket cost.'],
    ],
    [{ intent: 'add_segment', name: 'Rural', sharePercent: '20', version: '3' }, null],
    [{ intent: 'delete_segment', segmentId: '4', version: '3' }, null],
    [
      { intent: 'details', title: 'WIC', multiplier: '0.5', serviceName: 'WIC', version: '3' },
      ['multiplier: A loaded-wage multiplier is 1 or more, for example 1.6.'],
    ],
    [{ intent: 'copy', title: 'WIC (to-be)' }, null],
  ])('%o → %o', (input, expected) => {
    expect(issues(AssessmentEditSchema.safeParse(input))).toEqual(expected);
  });

  it.each([{ intent: 'unknown' }, {}])('refuses %o by its intent', (input) => {
    const r = AssessmentEditSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['intent']);
  });
});

describe('the research activity page', () => {
  it.each([
    [
      { intent: 'add_session', heldOn: '2026-11-01', publicCodes: 'P-1, P-1', version: '2' },
      ['publicCodes: P-1 is listed twice.'],
    ],
    [{ intent: 'add_session', heldOn: '2026-11-01', publicCodes: 'P-1', version: '2' }, null],
    [{ intent: 'override', reason: 'Counsel said so', version: '2' }, null],
    [{ intent: 'link_clearance', clearanceId: '7', version: '2' }, null],
  ])('%o → %o', (input, expected) => {
    expect(issues(ActivityEditSchema.safeParse(input))).toEqual(expected);
  });
});

describe('the PRA page', () => {
  it.each([
    [{ intent: 'contractors', countContractors: 'yes' }, true],
    [{ intent: 'contractors', countContractors: 'no' }, false],
    [{ intent: 'contractors' }, false],
  ])('%o counts contractors: %s', (input, count) => {
    const r = PraPageSchema.parse(input);
    expect(r.intent === 'contractors' && r.countContractors).toBe(count);
  });

  it('records no clearance: that has a page of its own', () => {
    expect(PraPageSchema.safeParse({ intent: 'create_clearance', title: 'Umbrella' }).success).toBe(
      false,
    );
  });

  it('a clearance number comes with its date', () => {
    expect(
      issues(
        ClearanceSchema.safeParse({
          title: 'Umbrella',
          kind: 'generic',
          controlNumber: '0690-0036',
        }),
      ),
    ).toEqual(['expiresOn: A control number comes with its expiration date.']);
  });
});
