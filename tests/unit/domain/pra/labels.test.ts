import { describe, expect, it } from 'vitest';
import {
  daysLeftText,
  daysUntil,
  decisionAnswers,
  expiringClearances,
  expiryWarning,
} from '~/domain/pra/labels';

const TODAY = '2026-11-22';
/** The date `days` after TODAY (before it when negative), as YYYY-MM-DD. */
const inDays = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('PRA: clearance expiry warnings, 90 and 30 days ahead', () => {
  it.each([
    { days: 91, warning: null, shown: 'no warning' },
    { days: 90, warning: { level: '90', days: 90 }, shown: 'the 90-day warning' },
    { days: 31, warning: { level: '90', days: 31 }, shown: 'the 90-day warning' },
    { days: 30, warning: { level: '30', days: 30 }, shown: 'the 30-day warning' },
    { days: 0, warning: { level: '30', days: 0 }, shown: 'the 30-day warning' },
    { days: -1, warning: { level: 'expired', days: -1 }, shown: 'the expired warning' },
  ])('$days days before expiry → $shown', ({ days, warning }) => {
    const expiresOn = inDays(days);
    expect(daysUntil(expiresOn, TODAY)).toBe(days);
    expect(expiryWarning(expiresOn, TODAY)).toEqual(warning);
  });

  it('a pending clearance (no expiration date) has no warning', () => {
    expect(expiryWarning(null, TODAY)).toBeNull();
  });

  it('counts calendar days across a leap day and a year end', () => {
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2027-03-01', '2027-02-28')).toBe(1);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
    // 90 days before 2028-05-28 is 2028-02-28 (the leap day is counted).
    expect(expiryWarning('2028-05-28', '2028-02-28')).toEqual({ level: '90', days: 90 });
    expect(expiryWarning('2028-05-28', '2028-02-27')).toBeNull();
  });
});

describe('PRA: days left, in words', () => {
  it.each([
    { days: 90, text: '90 days left' },
    { days: 1, text: '1 day left' },
    { days: 0, text: 'Expires today' },
    { days: -1, text: 'Expired 1 day ago' },
    { days: -30, text: 'Expired 30 days ago' },
  ])('$days → $text', ({ days, text }) => {
    expect(daysLeftText(days)).toBe(text);
  });
});

describe('PRA: the clearances expiring', () => {
  it('lists the expired and those within 90 days, soonest first; not pending or later ones', () => {
    const clearances = [
      { id: 1, expires_on: inDays(200) },
      { id: 2, expires_on: inDays(45) },
      { id: 3, expires_on: null },
      { id: 4, expires_on: inDays(-10) },
      { id: 5, expires_on: inDays(91) },
      { id: 6, expires_on: inDays(10) },
      { id: 7, expires_on: inDays(90) },
    ];
    expect(
      expiringClearances(clearances, TODAY).map((c) => [c.id, c.warning.level, c.warning.days]),
    ).toEqual([
      [4, 'expired', -10],
      [6, '30', 10],
      [2, '90', 45],
      [7, '90', 90],
    ]);
  });

  it('is empty when nothing expires soon', () => {
    expect(expiringClearances([{ expires_on: inDays(365) }], TODAY)).toEqual([]);
  });
});

describe('PRA: the decision record, read-only', () => {
  it('shows every question with its answer, or that it was not answered', () => {
    expect(
      decisionAnswers({ tenOrMore: 'yes', membersOfPublic: 'no', sameQuestions: 'yes' }),
    ).toEqual([
      { key: 'tenOrMore', question: 'Ten or more people in 12 months?', answer: 'Yes' },
      { key: 'membersOfPublic', question: 'Are they members of the public?', answer: 'No' },
      {
        key: 'sameQuestions',
        question: 'Are the same questions asked of each person?',
        answer: 'Yes',
      },
      {
        key: 'observationOnly',
        question: 'Direct observation or open conversation only?',
        answer: 'Not answered',
      },
    ]);
  });
});
