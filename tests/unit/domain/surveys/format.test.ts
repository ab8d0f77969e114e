import { describe, expect, it } from 'vitest';
import {
  checkHeader,
  DRIVER_COLUMNS,
  headerErrors,
  readRow,
  REQUIRED_COLUMNS,
} from '~/domain/surveys/format';
import { maskOpenText } from '~/domain/surveys/mask';
import { readSurveyFile } from '~/domain/surveys/read';

const HEADER = ['external_id', ...REQUIRED_COLUMNS, 'question_4'];
const header = checkHeader(HEADER);

function cells(q1: string, drivers: Record<string, string> = {}, text = ''): string[] {
  return ['X-1', q1, ...DRIVER_COLUMNS.map((c) => drivers[c] ?? ''), text];
}

describe('the header', () => {
  it('reads Touchpoints columns in any order and ignores the rest', () => {
    const h = checkHeader(['\uFEFFQuestion_4', ...[...REQUIRED_COLUMNS].reverse(), 'created_at']);
    expect(headerErrors(h)).toEqual([]);
    expect(h.ignored).toEqual(['created_at']);
  });
  it.each([
    [['question_1'], 'Line 1: the header has no column “positive_effectiveness”'],
    [[...REQUIRED_COLUMNS, 'question_1'], 'Line 1: the header names “question_1” more than once.'],
  ])('refuses %j', (h, message) => {
    expect(headerErrors(checkHeader(h)).join(' ')).toContain(message);
  });
});

describe('a row', () => {
  const thumbs = { scale: 'thumbs' as const, openText: false };
  const likert = { scale: 'likert' as const, openText: false };
  it.each([
    ['thumbs up', cells('1'), thumbs, null],
    ['Likert 5', cells('5'), likert, null],
    [
      'thumbs 5',
      cells('5'),
      thumbs,
      "Line 7: question_1 is “5”; on this collection's thumbs scale it is 0 or 1.",
    ],
    [
      'Likert 0',
      cells('0'),
      likert,
      "Line 7: question_1 is “0”; on this collection's Likert scale it is 1 to 5.",
    ],
    [
      'blank trust',
      cells(''),
      thumbs,
      'Line 7: question_1 is blank; every response answers the trust question.',
    ],
    [
      'a driver of 2',
      cells('1', { positive_ease: '2' }),
      thumbs,
      'Line 7: positive_ease is “2”; it is 1, 0 or blank.',
    ],
    [
      'a driver of yes',
      cells('1', { negative_other: 'yes' }),
      thumbs,
      'Line 7: negative_other is “yes”; it is 1, 0 or blank.',
    ],
  ])('%s', (_n, c, options, error) => {
    const r = readRow(c, 7, header, options);
    if (error === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, errors: [error] });
  });

  it('reads drivers as 1, 0 or blank (not shown)', () => {
    const r = readRow(cells('1', { positive_ease: '1', negative_ease: '0' }), 2, header, thumbs);
    expect(r.ok && r.row).toMatchObject({
      positive_ease: 1,
      negative_ease: 0,
      positive_humanity: null,
    });
  });

  it('keeps open text only when asked', () => {
    const c = cells('1', {}, 'Quick and kind.');
    const without = readRow(c, 2, header, thumbs);
    const withText = readRow(c, 2, header, { ...thumbs, openText: true });
    expect(without.ok && without.row.question_4).toBeNull();
    expect(withText.ok && withText.row.question_4).toBe('Quick and kind.');
  });
});

describe('masking open text', () => {
  it.each([
    ['Write to jane.doe+x@example.gov please', 'Write to [email removed] please'],
    ['Call (202) 555-0143 or 202.555.0143', 'Call [phone removed] or [phone removed]'],
    ['My cell is +1 202 555 0143.', 'My cell is [phone removed].'],
    ['2025550143', '[phone removed]'],
    ['SSN 123-45-6789 and 123 45 6789', 'SSN [number removed] and [number removed]'],
    ['id 123456789.', 'id [number removed].'],
    ['It took 3 weeks and 2 visits in 2024.', 'It took 3 weeks and 2 visits in 2024.'],
    ['Case 12345 closed', 'Case 12345 closed'],
  ])('%s', (input, output) => {
    expect(maskOpenText(input)).toBe(output);
  });
});

describe('reading a file', () => {
  const options = { scale: 'thumbs' as const, openText: false };
  const header = REQUIRED_COLUMNS.join(',');
  const blank = ','.repeat(DRIVER_COLUMNS.length);
  it.each([
    ['an empty file', '', ['The file is empty: it has no header and no responses.']],
    ['a header alone', header, ['The file has a header but no responses.']],
    [
      'an unclosed quote',
      `${header}\n1${blank}\n"1${blank}\n0${blank}\n`,
      ['Line 4: a quoted cell is not closed by the end of the file; check the quotes before it.'],
    ],
    [
      'bad rows, by the line they start on (a quoted line break counts)',
      `${header}\n2${blank}\n1,"1\n"${blank.slice(1)}\n7${blank}\n`,
      [
        "Line 2: question_1 is “2”; on this collection's thumbs scale it is 0 or 1.",
        "Line 5: question_1 is “7”; on this collection's thumbs scale it is 0 or 1.",
      ],
    ],
  ])('%s', async (_n, text, errors) => {
    expect((await readSurveyFile(text, options)).errors).toEqual(errors);
  });

  it('counts the good rows of a good file', async () => {
    const text = [header, ...Array.from({ length: 5 }, (_, i) => `${i % 2}${blank}`)].join('\r\n');
    const result = await readSurveyFile(text, options);
    expect(result.errors).toEqual([]);
    expect(result.tally.respondents).toBe(5);
    expect(result.tally.question1.slice(0, 2)).toEqual([3, 2]);
  });
});
