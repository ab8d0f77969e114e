import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  docText,
  planTemplate,
  PLAN_SECTIONS,
  safeHref,
  sanitizeDoc,
} from '~/domain/plans/document';
import { fiscalYearCalendar } from '~/domain/calendar/a11';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import {
  canMove,
  daysLeft,
  defaultDueDates,
  DUE_DATE_KEYS,
  dueDatesEditable,
  dueText,
  planDueDates,
} from '~/domain/plans/status';
import { DueDatesSchema } from '~/schemas/plan';

describe('action plan documents', () => {
  it('the template has a heading for every section A-11 280.15 names', () => {
    const doc = planTemplate();
    const headings = doc
      .content!.filter((n) => n.type === 'heading')
      .map((n) => n.content![0]!.text);
    expect(headings).toEqual([...PLAN_SECTIONS]);
  });

  it.each([
    ['https://performance.gov/cx', 'https://performance.gov/cx'],
    ['mailto:cx@omb.eop.gov', 'mailto:cx@omb.eop.gov'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example', null],
    ['https://x.example/"onmouseover="alert(1)', null],
  ])('link %s → %s', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it('drops unknown nodes, attributes and unsafe links; keeps the text', () => {
    const dirty = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 9, onclick: 'x' },
          content: [{ type: 'text', text: 'Plan' }],
        },
        { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
        {
          type: 'paragraph',
          attrs: { style: 'x' },
          content: [
            {
              type: 'text',
              text: 'bad link',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }],
            },
            {
              type: 'text',
              text: ' good',
              marks: [{ type: 'link', attrs: { href: 'https://example.gov', target: '_blank' } }],
            },
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
          ],
        },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
      ],
    };
    expect(sanitizeDoc(dirty)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad link', marks: [{ type: 'bold' }] },
            {
              type: 'text',
              text: ' good',
              marks: [{ type: 'link', attrs: { href: 'https://example.gov' } }],
            },
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
          ],
        },
      ],
    });
  });

  it('anything that is not a document becomes an empty one', () => {
    expect(sanitizeDoc('<p>hi</p>')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sanitizeDoc(null)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('plain text of a document', () => {
    expect(
      docText(
        sanitizeDoc({
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'One' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] },
          ],
        }),
      ),
    ).toBe('One\n\n\nTwo\n');
  });
});

describe('action plan status and due dates (A-11 280.12)', () => {
  it('FY 2025 defaults are the text’s dates', () => {
    expect(defaultDueDates(2025, isFederalHoliday)).toEqual({
      draftDue: '2025-05-30',
      finalDue: '2025-09-09',
    });
  });
  it('later years inherit them on business days: May 30, 2027 is a Sunday, September 9, 2029 too', () => {
    expect(defaultDueDates(2027, isFederalHoliday)).toEqual({
      draftDue: '2027-05-28',
      finalDue: '2027-09-09',
    });
    expect(defaultDueDates(2029, isFederalHoliday)).toEqual({
      draftDue: '2029-05-30',
      finalDue: '2029-09-07',
    });
  });
  it.each([
    { from: 'draft', to: 'in_review', omb: false, ok: true },
    { from: 'draft', to: 'final', omb: true, ok: false },
    { from: 'in_review', to: 'final', omb: false, ok: true },
    { from: 'in_review', to: 'draft', omb: false, ok: true },
    { from: 'final', to: 'draft', omb: false, ok: false },
    { from: 'final', to: 'draft', omb: true, ok: true },
    { from: 'final', to: 'in_review', omb: true, ok: false },
  ] as const)('$from → $to (OMB lead: $omb): $ok', ({ from, to, omb, ok }) => {
    expect(canMove(from, to, omb)).toBe(ok);
  });
  it('days left', () => {
    expect(daysLeft('2026-05-30', '2026-05-01')).toBe(29);
    expect(daysLeft('2026-05-30', '2026-06-01')).toBe(-2);
  });
  it('days left on the day it is due is 0; after, negative; across a leap day and a year end', () => {
    expect(daysLeft('2026-05-30', '2026-05-30')).toBe(0);
    expect(daysLeft('2026-05-30', '2026-05-31')).toBe(-1);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2026-09-09', '2027-09-09')).toBe(-365);
  });
  it.each([
    [12, '12 days left'],
    [1, '1 day left'],
    [0, 'Due today'],
    [-1, '1 day overdue'],
    [-40, '40 days overdue'],
  ])('%i days → “%s”', (days, text) => {
    expect(dueText(days)).toBe(text);
  });
  it('a new plan takes the calendar’s dates for its year: OMB’s when set, else the defaults', () => {
    expect(planDueDates(2027, isFederalHoliday)).toEqual(defaultDueDates(2027, isFederalHoliday));
    expect(
      planDueDates(2027, isFederalHoliday, new Map([['draft_action_plan', '2027-05-26']])),
    ).toEqual({
      draftDue: '2027-05-26',
      finalDue: '2027-09-09',
    });
    expect(
      planDueDates(
        2027,
        isFederalHoliday,
        new Map([
          ['final_action_plan', '2027-09-13'],
          ['deep_dive', '2027-04-28'],
        ]),
      ),
    ).toEqual({ draftDue: '2027-05-28', finalDue: '2027-09-13' });
  });
  it('the plan’s dates are the A-11 calendar’s, with and without overrides', () => {
    const years: [number, (d: string) => boolean][] = [
      [2026, () => false],
      [2027, isFederalHoliday],
    ];
    for (const [fy, isHoliday] of years)
      for (const overrides of [
        new Map<string, string>(),
        new Map([
          ['draft_action_plan', '2026-06-01'],
          ['final_action_plan', '2026-09-11'],
        ]),
      ]) {
        const calendar = fiscalYearCalendar(fy, isHoliday, overrides);
        const date = (key: string) => calendar.find((e) => e.key === key)?.date;
        expect(planDueDates(fy, isHoliday, overrides)).toEqual({
          draftDue: date(DUE_DATE_KEYS.draftDue),
          finalDue: date(DUE_DATE_KEYS.finalDue),
        });
      }
  });
  it('due dates may change until the plan is final', () => {
    expect(dueDatesEditable('draft')).toBe(true);
    expect(dueDatesEditable('in_review')).toBe(true);
    expect(dueDatesEditable('final')).toBe(false);
  });
});

describe('action plan due-date form', () => {
  const messages = (input: Record<string, unknown>) => {
    const r = DueDatesSchema.safeParse(input);
    return r.success ? {} : z.flattenError(r.error).fieldErrors;
  };
  it('accepts two real dates, the draft first', () => {
    expect(
      DueDatesSchema.parse({ draftDue: '2027-05-26', finalDue: '2027-09-09', version: '3' }),
    ).toEqual({ draftDue: '2027-05-26', finalDue: '2027-09-09', version: 3 });
  });
  it('names the missing date, refuses impossible dates and a final due before the draft', () => {
    expect(messages({ finalDue: '2027-09-09', version: '1' })).toEqual({
      draftDue: ['Enter the date the draft is due.'],
    });
    expect(messages({ draftDue: '2027-05-30', finalDue: ' ', version: '1' })).toEqual({
      finalDue: ['Enter the date the final plan is due.'],
    });
    expect(messages({ draftDue: '2027-02-30', finalDue: '2027-09-09', version: '1' })).toEqual({
      draftDue: ['Enter a real date as YYYY-MM-DD, for example 2025-01-31.'],
    });
    expect(messages({ draftDue: '2027-09-10', finalDue: '2027-09-09', version: '1' })).toEqual({
      finalDue: ['The final plan is due after the draft.'],
    });
  });
});
