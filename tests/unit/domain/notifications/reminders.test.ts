import { describe, expect, it } from 'vitest';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import {
  businessDaysBetween,
  clearanceReminders,
  dueDateReminders,
  requestReminders,
  requestStage,
  stepDue,
  type WaitingRequest,
} from '~/domain/notifications/reminders';

describe('business days between two dates', () => {
  it.each([
    { from: '2026-12-07', to: '2026-12-07', days: 0 }, // the same day
    { from: '2026-12-07', to: '2026-12-04', days: 0 }, // before
    { from: '2026-12-04', to: '2026-12-07', days: 1 }, // Friday → Monday
    { from: '2026-12-07', to: '2026-12-14', days: 5 }, // a week
    { from: '2026-12-23', to: '2026-12-28', days: 2 }, // Christmas Day (Friday) skipped
    { from: '2026-11-25', to: '2026-11-30', days: 2 }, // Thanksgiving (Thursday) skipped
  ])('$from → $to: $days', ({ from, to, days }) => {
    expect(businessDaysBetween(from, to, isFederalHoliday)).toBe(days);
  });
});

describe('the step due', () => {
  it.each([
    { left: 20, steps: [14, 3], step: null },
    { left: 14, steps: [14, 3], step: 14 },
    { left: 4, steps: [14, 3], step: 14 },
    { left: 3, steps: [14, 3], step: 3 },
    { left: 0, steps: [14, 3], step: 3 }, // the day itself
    { left: -1, steps: [14, 3], step: null }, // past
    { left: 91, steps: [90, 30], step: null },
    { left: 45, steps: [90, 30], step: 90 },
    { left: 12, steps: [90, 30], step: 30 },
  ])('$left days left of $steps → $step', ({ left, steps, step }) => {
    expect(stepDue(left, steps)).toBe(step);
  });
});

describe('a waiting request’s stage (requested Monday, December 7, 2026; due December 21)', () => {
  it.each([
    { today: '2026-12-07', stage: 'waiting' },
    { today: '2026-12-11', stage: 'waiting' }, // 4 business days
    { today: '2026-12-14', stage: 'reminder' }, // 5 business days
    { today: '2026-12-21', stage: 'reminder' }, // due today: not yet overdue
    { today: '2026-12-22', stage: 'overdue' },
  ])('$today → $stage', ({ today, stage }) => {
    expect(requestStage('2026-12-07', today, isFederalHoliday)).toBe(stage);
  });
});

const request: WaitingRequest = {
  requestId: 7,
  project: { id: 3, name: 'Newborn Supply Kits', portfolioId: 2 },
  toPhase: 'design',
  requestedOn: '2026-12-07',
  unanswered: [
    { agencyId: 10, name: 'USDA', pocIds: [41] },
    { agencyId: 11, name: 'HHS', pocIds: [42, 43] },
  ],
  leadIds: [5],
};

describe('who is reminded of a waiting request', () => {
  it.each([
    { today: '2026-12-11', told: [] },
    {
      today: '2026-12-14',
      told: [
        '41 phase_request_reminder phase_request:7:reminder:10 required',
        '42 phase_request_reminder phase_request:7:reminder:11',
        '43 phase_request_reminder phase_request:7:reminder:11',
      ],
    },
    {
      today: '2026-12-22',
      told: [
        '41 phase_request_reminder phase_request:7:overdue:10 required',
        '42 phase_request_reminder phase_request:7:overdue:11',
        '43 phase_request_reminder phase_request:7:overdue:11',
        '5 phase_request_overdue phase_request:7:overdue',
      ],
    },
  ])('on $today', ({ today, told }) => {
    expect(
      requestReminders([request], today, isFederalHoliday).map(
        (d) => `${d.personId} ${d.kind} ${d.source}${d.required ? ' required' : ''}`,
      ),
    ).toEqual(told);
  });

  it('no one when every agency has answered', () => {
    expect(
      requestReminders([{ ...request, unanswered: [] }], '2026-12-22', isFederalHoliday),
    ).toEqual([]);
  });
});

describe('a clearance expiring', () => {
  const clearance = {
    id: 4,
    title: 'Generic clearance (illustrative)',
    portfolioId: 2,
    portfolioSlug: 'having-a-child',
    expiresOn: '2027-03-31',
    teamIds: [5, 6],
  };
  it.each([
    { today: '2026-12-30', sources: [] }, // 91 days
    { today: '2026-12-31', sources: ['pra_clearance:4:expires:2027-03-31:90'] },
    { today: '2027-03-01', sources: ['pra_clearance:4:expires:2027-03-31:30'] },
    { today: '2027-04-01', sources: [] },
  ])('on $today', ({ today, sources }) => {
    const drafts = clearanceReminders([clearance], today);
    expect([...new Set(drafts.map((d) => d.source))]).toEqual(sources);
    if (sources.length) expect(drafts.map((d) => d.personId)).toEqual([5, 6]);
  });
});

describe('an A-11 date approaching (Friday, January 29, 2027)', () => {
  const event = {
    key: 'feedback_q1',
    label: 'Quarterly customer feedback data due (FY 2027 Q1)',
    date: '2027-01-29',
    source: 'text' as const,
  };
  it.each([
    { today: '2027-01-07', sources: [] }, // 16 business days
    { today: '2027-01-08', sources: ['a11:feedback_q1:2027-01-29:14'] }, // 14 (MLK Day skipped)
    { today: '2027-01-26', sources: ['a11:feedback_q1:2027-01-29:3'] },
    { today: '2027-01-29', sources: ['a11:feedback_q1:2027-01-29:3'] },
    { today: '2027-02-01', sources: [] },
  ])('on $today', ({ today, sources }) => {
    expect([
      ...new Set(dueDateReminders([event], [1, 2], today, isFederalHoliday).map((d) => d.source)),
    ]).toEqual(sources);
  });
});
