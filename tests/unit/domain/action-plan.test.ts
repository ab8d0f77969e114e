import { describe, expect, it } from 'vitest';
import {
  docText,
  planTemplate,
  PLAN_SECTIONS,
  safeHref,
  sanitizeDoc,
} from '~/domain/plans/document';
import { canMove, daysLeft, defaultDueDates } from '~/domain/plans/status';

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
    expect(defaultDueDates(2025)).toEqual({ draftDue: '2025-05-30', finalDue: '2025-09-09' });
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
});
