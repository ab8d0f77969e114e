import { describe, expect, it } from 'vitest';
import {
  describeQuery,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  parseQuery,
  toFts5,
  toWebsearch,
} from '~/domain/search/query';

// What the box holds → the terms read, FTS5's MATCH text and PostgreSQL's websearch text.
const CASES: [string, string, string | null, string | null][] = [
  ['notary', 'notary', '("notary")', 'notary'],
  [
    'Payroll Verification',
    'payroll verification',
    '("payroll" AND "verification")',
    'payroll verification',
  ],
  [
    '"ex parte" renewals',
    '“ex parte” renewals',
    '("ex parte" AND "renewals")',
    '"ex parte" renewals',
  ],
  [
    '“ex parte” renewals',
    '“ex parte” renewals',
    '("ex parte" AND "renewals")',
    '"ex parte" renewals',
  ],
  ['benefits -draft', 'benefits −draft', '("benefits") NOT "draft"', 'benefits -draft'],
  [
    'benefits -"ex parte"',
    'benefits −“ex parte”',
    '("benefits") NOT "ex parte"',
    'benefits -"ex parte"',
  ],
  [
    'post-transaction survey',
    '“post transaction” survey',
    '("post transaction" AND "survey")',
    '"post transaction" survey',
  ],
  // Only exclusions: nothing to look for.
  ['-draft', '−draft', null, null],
  // Operators, brackets and stars of either database are plain text, read as spaces.
  ['a OR b', 'a or b', '("a" AND "or" AND "b")', 'a or b'],
  // Words joined by a mark are a phrase, as the index reads them.
  [
    'NEAR(a b) title:x*',
    '“near a” b “title x”',
    '("near a" AND "b" AND "title x")',
    '"near a" b "title x"',
  ],
  [
    '(benefit & !draft) | x <-> y',
    'benefit draft x y',
    '("benefit" AND "draft" AND "x" AND "y")',
    'benefit draft x y',
  ],
  // An unclosed quote runs to the end.
  ['"ex parte', '“ex parte”', '("ex parte")', '"ex parte"'],
  ['""', '', null, null],
  ['   ', '', null, null],
  [
    "'; drop table projects; --",
    'drop table projects',
    '("drop" AND "table" AND "projects")',
    'drop table projects',
  ],
  [
    '<script>alert(1)</script>',
    '“script alert 1 script”',
    '("script alert 1 script")',
    '"script alert 1 script"',
  ],
  ['café NAÏVE', 'café naïve', '("café" AND "naïve")', 'café naïve'],
  ['benefit benefit', 'benefit', '("benefit")', 'benefit'],
  ['- -- ---', '', null, null],
  ['\u0000\u0001nul', 'nul', '("nul")', 'nul'],
];

describe('reading the search box', () => {
  it.each(CASES)('%j', (input, readAs, fts5, websearch) => {
    const q = parseQuery(input);
    expect(describeQuery(q)).toBe(readAs);
    expect(toFts5(q)).toBe(fts5);
    expect(toWebsearch(q)).toBe(websearch);
  });

  it(`keeps the first ${MAX_TERMS} terms and says so`, () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    const q = parseQuery(words);
    expect(q.terms).toHaveLength(MAX_TERMS);
    expect(q.truncated).toBe(true);
    expect(parseQuery('a b').truncated).toBe(false);
  });

  it(`reads no more than ${MAX_QUERY_LENGTH} characters`, () => {
    const q = parseQuery(`${'x'.repeat(MAX_QUERY_LENGTH)} beyond`);
    expect(q.terms.flatMap((t) => t.words)).not.toContain('beyond');
  });
});
