import { describe, expect, it } from 'vitest';
import {
  checkActivityChange,
  checkAddition,
  nextAllowedOn,
  normalizeQuestions,
  planningCheck,
  praStatus,
  windowEnd,
  type PraActivity,
  type PraClearance,
  type ParticipantCategory,
} from '~/domain/pra/rules';

const settings = { countContractors: true };
let nextId = 1;
const people = (prefix: string, n: number, category: ParticipantCategory = 'public') =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${i + 1}`, category }));
const activity = (
  over: Partial<PraActivity> & { sessions: PraActivity['sessions'] },
): PraActivity => ({
  id: nextId++,
  title: 'Interviews',
  method: 'interviews',
  purpose: 'Understand how parents apply for WIC',
  questionsFingerprint: null,
  unscripted: false,
  phase: 'design',
  hasScreeningQuestions: false,
  clearanceIds: [],
  overridden: false,
  ...over,
});
const session = (date: string, participants: PraActivity['sessions'][number]['participants']) => ({
  id: nextId++,
  date,
  participants,
});
const none = new Map<number, PraClearance>();
const status = (acts: PraActivity[], clearances = none, today = '2026-11-22', s = settings) =>
  praStatus(acts, clearances, s, today);

describe('PRA: the nine-person rule (A-11 280.8)', () => {
  it.each([
    {
      name: 'the text’s example: nine on 2025-01-01 and nine on 2026-01-02 → no approval needed',
      acts: [
        activity({
          sessions: [session('2025-01-01', people('A', 9)), session('2026-01-02', people('B', 9))],
        }),
      ],
      // No approval needed, but on 2026-11-22 the second nine fill the window around today.
      status: 'at_limit',
      count: 9,
    },
    {
      name: 'nine plus one inside 12 months → needed',
      acts: [
        activity({
          sessions: [session('2025-01-01', people('A', 9)), session('2025-06-30', people('B', 1))],
        }),
      ],
      status: 'needs_clearance',
      count: 10,
    },
    {
      name: 'same questions with a different purpose → grouped',
      acts: [
        activity({
          purpose: 'Purpose one',
          questionsFingerprint: normalizeQuestions('1. How did you apply?\n2. What was hard?'),
          sessions: [session('2025-03-01', people('A', 6))],
        }),
        activity({
          purpose: 'Another purpose',
          questionsFingerprint: normalizeQuestions('a) how did you apply\n  b)   What was hard?'),
          sessions: [session('2025-04-01', people('B', 6))],
        }),
      ],
      status: 'needs_clearance',
      count: 12,
    },
    {
      name: 'different purpose and questions → separate collections',
      acts: [
        activity({ purpose: 'Purpose one', sessions: [session('2025-03-01', people('A', 6))] }),
        activity({ purpose: 'Purpose two', sessions: [session('2025-04-01', people('B', 6))] }),
      ],
      status: 'clear',
      count: 6,
    },
    {
      name: 'federal employees in their official capacity are not counted',
      acts: [
        activity({
          sessions: [
            session('2025-03-01', [...people('A', 8), ...people('F', 5, 'federal_employee')]),
          ],
        }),
      ],
      status: 'approaching',
      count: 8,
    },
    {
      name: 'the same person in two sessions is counted once',
      acts: [
        activity({
          sessions: [session('2025-03-01', people('A', 9)), session('2025-04-01', people('A', 9))],
        }),
      ],
      status: 'approaching',
      count: 9,
    },
    {
      name: 'unscripted Discovery conversations are not counted',
      acts: [
        activity({
          method: 'observation',
          unscripted: true,
          phase: 'discovery',
          sessions: [session('2025-03-01', people('A', 30))],
        }),
      ],
      status: 'clear',
      count: 0,
    },
    {
      name: 'a screener with a demographic question → needed',
      acts: [
        activity({
          method: 'recruitment_screener',
          hasScreeningQuestions: true,
          sessions: [session('2025-03-01', people('A', 40))],
        }),
      ],
      status: 'needs_clearance',
      count: 40,
    },
    {
      name: 'a screener asking only interest and contact → not counted',
      acts: [
        activity({
          method: 'recruitment_screener',
          hasScreeningQuestions: false,
          sessions: [session('2025-03-01', people('A', 40))],
        }),
      ],
      status: 'clear',
      count: 0,
    },
    {
      name: 'a post-transaction survey of ten → needed, even in Discovery',
      acts: [
        activity({
          method: 'post_transaction_survey',
          unscripted: true,
          phase: 'discovery',
          sessions: [session('2025-03-01', people('A', 10))],
        }),
      ],
      status: 'needs_clearance',
      count: 10,
    },
  ])('$name', ({ acts, status: expected, count }) => {
    const [report] = status(acts);
    expect(report).toMatchObject({ status: expected, count });
  });

  it('contractors count by default, and not when the setting says so', () => {
    const acts = [
      activity({
        sessions: [session('2025-03-01', [...people('A', 8), ...people('C', 3, 'contractor')])],
      }),
    ];
    expect(status(acts)[0]).toMatchObject({ status: 'needs_clearance', count: 11 });
    expect(status(acts, none, '2026-11-22', { countContractors: false })[0]).toMatchObject({
      status: 'approaching',
      count: 8,
    });
  });

  it('activities sharing a purpose are grouped transitively with those sharing questions', () => {
    const q = normalizeQuestions('What was hard?');
    const acts = [
      activity({ purpose: 'P1', sessions: [session('2025-03-01', people('A', 4))] }),
      activity({
        purpose: 'p1.',
        questionsFingerprint: q,
        sessions: [session('2025-03-02', people('B', 4))],
      }),
      activity({
        purpose: 'P3',
        questionsFingerprint: q,
        sessions: [session('2025-03-03', people('C', 4))],
      }),
    ];
    const reports = status(acts);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'needs_clearance', count: 12 });
  });
});

describe('PRA: clearances (both a control number and an expiration date)', () => {
  const clearances = new Map<number, PraClearance>([
    [1, { id: 1, controlNumber: '0690-0036', expiresOn: '2025-12-31' }],
    [2, { id: 2, controlNumber: '0690-0036', expiresOn: '2027-06-30' }],
  ]);
  it('a clearance covers sessions on or before its expiration date', () => {
    const acts = [
      activity({
        clearanceIds: [2],
        sessions: [session('2025-03-01', people('A', 40)), session('2027-06-30', people('B', 5))],
      }),
    ];
    expect(status(acts, clearances)[0]).toMatchObject({ status: 'covered', count: 0 });
  });
  it('an expired clearance does not cover later sessions', () => {
    const acts = [
      activity({
        clearanceIds: [1],
        sessions: [session('2025-03-01', people('A', 40)), session('2026-01-15', people('B', 12))],
      }),
    ];
    expect(status(acts, clearances)[0]).toMatchObject({ status: 'needs_clearance', count: 12 });
    const fewer = [
      activity({
        clearanceIds: [1],
        sessions: [session('2025-03-01', people('A', 40)), session('2026-01-15', people('B', 3))],
      }),
    ];
    expect(status(fewer, clearances)[0]).toMatchObject({ status: 'clearance_expired', count: 3 });
  });
  it('a clearance on one activity does not cover another in the same collection', () => {
    const linked = activity({
      clearanceIds: [2],
      sessions: [session('2026-02-01', people('A', 30))],
    });
    const unlinked = activity({ sessions: [session('2026-03-01', people('B', 8))] });
    const [report] = status([linked, unlinked], clearances);
    expect(report).toMatchObject({ status: 'approaching', count: 8, remaining: 1 });
    expect(report!.explanation).toMatch(/covers only the activities linked to it/);
    // …and the guard agrees: the unlinked activity may take one more, not two.
    const guard = (n: number) =>
      checkAddition([linked, unlinked], clearances, settings, {
        activityId: unlinked.id,
        date: '2026-04-01',
        participants: people('C', n),
      }).allowed;
    expect([guard(1), guard(2)]).toEqual([true, false]);
    const both = activity({ ...unlinked, id: unlinked.id, clearanceIds: [2] });
    expect(status([linked, both], clearances)[0]).toMatchObject({ status: 'covered' });
  });
});

describe('PRA: editing an activity cannot slip a collection past nine', () => {
  const seven = activity({
    purpose: 'Learn about WIC',
    sessions: [session('2026-05-01', people('A', 7))],
  });
  const five = activity({
    purpose: 'Test the form',
    sessions: [session('2026-06-01', people('B', 5))],
  });
  const check = (edited: PraActivity, before = [seven, five]) =>
    checkActivityChange(
      before,
      before.map((x) => (x.id === edited.id ? edited : x)),
      none,
      settings,
      edited.id,
    );
  it.each([
    {
      name: 'the same purpose joins them: 12 → refused',
      edit: { purpose: 'learn about WIC.' },
      allowed: false,
    },
    {
      name: 'the same questions join them → refused',
      edit: { questionsFingerprint: 'q1' },
      allowed: false,
      both: true,
    },
    { name: 'a new title → allowed', edit: { title: 'Usability test' }, allowed: true },
    {
      name: 'another distinct purpose → allowed',
      edit: { purpose: 'Map the renewal letters' },
      allowed: true,
    },
  ])('$name', ({ edit, allowed, both }) => {
    const before = both ? [{ ...seven, questionsFingerprint: 'q1' }, five] : [seven, five];
    const r = check({ ...five, ...edit }, before);
    expect(r.allowed).toBe(allowed);
    if (!allowed)
      expect(r.explanation).toMatch(
        /12 members of the public between May 1, 2026 and April 30, 2027/,
      );
  });
  it('making unscripted Discovery talk count is refused when it brings ten', () => {
    const talk = activity({
      purpose: 'Learn about WIC',
      unscripted: true,
      phase: 'discovery',
      sessions: [session('2026-07-01', people('C', 4))],
    });
    expect(status([seven, talk])[0]).toMatchObject({ count: 7 });
    const r = check({ ...talk, unscripted: false }, [seven, talk]);
    expect(r).toMatchObject({ allowed: false, countAfter: 11 });
  });
  it('an OMB lead’s override on the activity lets the change through', () => {
    expect(check({ ...five, purpose: 'Learn about WIC', overridden: true }).allowed).toBe(true);
  });
});

describe('PRA: 12-month windows, leap days included', () => {
  it.each([
    { start: '2025-01-01', end: '2026-01-01' },
    { start: '2024-02-29', end: '2025-03-01' },
    { start: '2023-03-01', end: '2024-03-01' },
    { start: '2027-02-28', end: '2028-02-28' },
    { start: '2025-12-31', end: '2026-12-31' },
  ])('a window from $start ends before $end', ({ start, end }) => {
    expect(windowEnd(start)).toBe(end);
  });
  it.each([
    {
      name: '2024-02-29 and 2025-02-28 are in one window',
      second: '2025-02-28',
      status: 'needs_clearance',
    },
    { name: '2024-02-29 and 2025-03-01 are not', second: '2025-03-01', status: 'approaching' },
    {
      name: '2023-03-01 … 2024-02-29 (366 days in a leap year) are in one window',
      second: '2024-02-29',
      first: '2023-03-01',
      status: 'needs_clearance',
    },
  ])('$name', ({ second, first, status: expected }) => {
    const acts = [
      activity({
        sessions: [session(first ?? '2024-02-29', people('A', 9)), session(second, people('B', 1))],
      }),
    ];
    expect(status(acts)[0]!.status).toBe(expected);
  });
});

describe('PRA: the guard stops the tenth, and the planning check answers first', () => {
  const a = activity({ sessions: [session('2026-10-01', people('A', 9))] });
  it('refuses the tenth member of the public within 12 months, with the explanation', () => {
    const r = checkAddition([a], none, settings, {
      activityId: a.id,
      date: '2026-11-20',
      participants: people('B', 1),
    });
    expect(r.allowed).toBe(false);
    expect(r.explanation).toMatch(
      /10 members of the public between October 1, 2026 and September 30, 2027/,
    );
  });
  it('accepts someone already counted, a federal employee, or a person a year later', () => {
    expect(
      checkAddition([a], none, settings, {
        activityId: a.id,
        date: '2026-11-20',
        participants: [{ code: 'a-1', category: 'public' }],
      }).allowed,
    ).toBe(true);
    expect(
      checkAddition([a], none, settings, {
        activityId: a.id,
        date: '2026-11-20',
        participants: people('F', 3, 'federal_employee'),
      }).allowed,
    ).toBe(true);
    expect(
      checkAddition([a], none, settings, {
        activityId: a.id,
        date: '2027-10-01',
        participants: people('B', 9),
      }).allowed,
    ).toBe(true);
  });
  it('an OMB lead’s override lets the session be saved', () => {
    const overridden = { ...a, overridden: true };
    expect(
      checkAddition([overridden], none, settings, {
        activityId: a.id,
        date: '2026-11-20',
        participants: people('B', 1),
      }).allowed,
    ).toBe(true);
  });
  it('plans: how many more people may we talk to?', () => {
    const b = activity({ sessions: [session('2026-10-01', people('A', 6))] });
    expect(
      planningCheck([b], none, settings, { activityId: b.id, date: '2026-12-01', n: 3 }),
    ).toMatchObject({ allowed: true, remaining: 3 });
    expect(
      planningCheck([b], none, settings, { activityId: b.id, date: '2026-12-01', n: 4 }),
    ).toMatchObject({ allowed: false, remaining: 3 });
    expect(
      planningCheck([b], none, settings, { activityId: b.id, date: '2027-10-01', n: 9 }),
    ).toMatchObject({ allowed: true, remaining: 9 });
  });
});

describe('PRA: question fingerprints ignore numbering and spacing', () => {
  it.each([
    ['1. How did you apply?\n2. What was hard?', 'how did you apply\nwhat was hard'],
    ['  (1)  How did   you apply ?\n\n - What was hard', 'how did you apply\nwhat was hard'],
    ['a) How did you apply?\nb) What was hard?', 'how did you apply\nwhat was hard'],
  ])('%j', (input, normalized) => {
    expect(normalizeQuestions(input)).toBe(normalized);
  });
});

describe('PRA: from when the next person is allowed without a clearance (rolling 12 months)', () => {
  const covering = new Map<number, PraClearance>([
    [7, { id: 7, controlNumber: '0690-0036', expiresOn: '2027-06-30' }],
  ]);
  it.each([
    {
      name: 'nine on one day: a year after that day',
      acts: () => [activity({ sessions: [session('2026-10-01', people('A', 9))] })],
      today: '2026-11-22',
      next: '2027-10-01',
    },
    {
      name: 'five, then four: when the first five leave the window (four are left)',
      acts: () => [
        activity({
          sessions: [session('2026-01-10', people('A', 5)), session('2026-06-01', people('B', 4))],
        }),
      ],
      today: '2026-11-22',
      next: '2027-01-10',
    },
    {
      name: 'a person seen again stays counted until their last session leaves the window',
      acts: () => [
        activity({
          sessions: [
            session('2026-01-10', people('A', 9)),
            session('2026-06-01', people('A', 9)), // the same nine again
          ],
        }),
      ],
      today: '2026-11-22',
      next: '2027-06-01',
    },
    {
      name: 'one person fewer in the later session: room once January leaves the window',
      acts: () => [
        activity({
          sessions: [
            session('2026-01-10', people('A', 9)),
            session('2026-06-01', people('A', 8)), // A-9 took part only in January
          ],
        }),
      ],
      today: '2026-11-22',
      next: '2027-01-10',
    },
    {
      name: 'eight counted: room today',
      acts: () => [activity({ sessions: [session('2026-10-01', people('A', 8))] })],
      today: '2026-11-22',
      next: '2026-11-22',
    },
    {
      name: 'federal employees do not fill the window',
      acts: () => [
        activity({
          sessions: [
            session('2026-10-01', [...people('A', 8), ...people('F', 4, 'federal_employee')]),
          ],
        }),
      ],
      today: '2026-11-22',
      next: '2026-11-22',
    },
    {
      name: 'a window from February 29 ends on March 1',
      acts: () => [activity({ sessions: [session('2024-02-29', people('A', 9))] })],
      today: '2025-01-15',
      next: '2025-03-01',
    },
    {
      name: 'two activities with one purpose count together',
      acts: () => [
        activity({ purpose: 'Shared', sessions: [session('2026-03-01', people('A', 5))] }),
        activity({ purpose: 'shared.', sessions: [session('2026-09-01', people('B', 4))] }),
      ],
      today: '2026-11-22',
      next: '2027-03-01',
    },
    {
      name: 'sessions already planned after today keep the window full longer',
      acts: () => [activity({ sessions: [session('2026-12-01', people('A', 9))] })],
      today: '2026-11-22',
      next: '2027-12-01',
    },
    {
      name: 'ten (a clearance was needed): until the window holds eight',
      acts: () => [
        activity({
          sessions: [session('2026-02-01', people('A', 2)), session('2026-10-01', people('B', 8))],
        }),
      ],
      today: '2026-11-22',
      next: '2027-02-01',
    },
    {
      name: 'sessions a clearance covers do not count',
      acts: () => [
        activity({ clearanceIds: [7], sessions: [session('2026-10-01', people('A', 9))] }),
      ],
      today: '2026-11-22',
      next: '2026-11-22',
    },
    {
      name: 'unscripted Discovery conversations never fill it',
      acts: () => [
        activity({
          method: 'observation',
          unscripted: true,
          phase: 'discovery',
          sessions: [session('2026-10-01', people('A', 20))],
        }),
      ],
      today: '2026-11-22',
      next: '2026-11-22',
    },
  ])('$name → $next', ({ acts, today, next }) => {
    const group = acts();
    expect(nextAllowedOn(group, covering, settings, today)).toBe(next);
    // The guard agrees: a new person is allowed on that day, and refused the day before.
    const add = (date: string) =>
      checkAddition(group, covering, settings, {
        activityId: group[0]!.id,
        date,
        participants: [{ code: 'NEW-1', category: 'public' }],
      }).allowed;
    expect(add(next)).toBe(true);
    if (next > today) {
      const before = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(add(before)).toBe(false);
    }
  });

  it('at nine of nine the report is a warning that says from when, in words', () => {
    const [report] = status([activity({ sessions: [session('2026-10-01', people('A', 9))] })]);
    expect(report).toMatchObject({
      status: 'at_limit',
      count: 9,
      remaining: 0,
      nextAllowedOn: '2027-10-01',
    });
    expect(report!.explanation).toContain(
      '9 members of the public counted between October 1, 2026 and September 30, 2027: the limit of nine without a clearance.',
    );
    expect(report!.explanation).toContain(
      'The next member of the public needs a clearance; without one, the next person may take part from October 1, 2027',
    );
    expect(report!.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('one person is "1 member of the public", and a full window in the past is not the limit', () => {
    const [one] = status([activity({ sessions: [session('2026-10-01', people('A', 1))] })]);
    expect(one!.explanation).toContain('1 member of the public counted');
    const [past] = status([activity({ sessions: [session('2025-01-01', people('A', 9))] })]);
    expect(past).toMatchObject({ status: 'approaching', nextAllowedOn: null });
    expect(past!.explanation).toContain('9 more may take part now');
  });
});

describe('PRA: an explanation names five activities and counts the rest', () => {
  const titled = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      activity({ title: `Round ${i + 1}`, sessions: [session('2026-10-01', people(`R${i}`, 1))] }),
    );
  it.each([
    [1, '“Round 1” is one collection.'],
    [2, '“Round 1”, “Round 2” form one collection'],
    [5, '“Round 1”, “Round 2”, “Round 3”, “Round 4”, “Round 5” form one collection'],
    [6, '“Round 1”, “Round 2”, “Round 3”, “Round 4”, “Round 5” and 1 other activity form one'],
    [30, '“Round 4”, “Round 5” and 25 other activities form one collection'],
  ])('%i activities: %s', (n, text) => {
    const [report] = status(titled(n));
    expect(report!.explanation).toContain(text);
    expect(report!.explanation).not.toContain(`“Round ${Math.min(n, 5) + 1}”`);
  });
});

describe('PRA: the next allowed day agrees with trying every day', () => {
  // The rule by its definition: from `today` on, the first day on which every 12-month window
  // containing it (each start from a year before up to the day) holds at most eight people.
  const addDays = (date: string, n: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  function byEveryDay(sessions: { date: string; codes: string[] }[], today: string): string {
    const counts = new Map<string, number>();
    const inWindowFrom = (start: string) => {
      let n = counts.get(start);
      if (n === undefined) {
        const end = windowEnd(start);
        const codes = new Set(
          sessions.filter((s) => s.date >= start && s.date < end).flatMap((s) => s.codes),
        );
        counts.set(start, (n = codes.size));
      }
      return n;
    };
    for (let day = today; ; day = addDays(day, 1)) {
      let most = 0;
      for (let back = 0; back <= 366; back++) {
        const start = addDays(day, -back);
        if (windowEnd(start) > day) most = Math.max(most, inWindowFrom(start));
      }
      if (most < 9) return day;
    }
  }
  // A small fixed pseudo-random sequence, so a failure can be replayed.
  let seed = 24;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  // Today an ordinary day, and days around a leap day.
  const todays = ['2026-11-22', '2028-02-29', '2028-03-01', '2029-02-28'];
  // Dense enough that more than half of them must wait past today.
  it.each(Array.from({ length: 60 }, (_, i) => i))('random collection %i', (i) => {
    const today = todays[i % todays.length]!;
    const sessions = Array.from({ length: 6 + random(20) }, () => ({
      date: addDays(today, random(540) - 360),
      codes: Array.from({ length: 1 + random(4) }, () => `P-${random(30)}`),
    }));
    const group = [
      activity({
        sessions: sessions.map((s) =>
          session(
            s.date,
            s.codes.map((code) => ({ code, category: 'public' as const })),
          ),
        ),
      }),
    ];
    expect(nextAllowedOn(group, none, settings, today)).toBe(byEveryDay(sessions, today));
  });
});
