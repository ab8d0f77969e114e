/**
 * The A-11 §280.14 post-transaction survey data, as performance.gov and GSA's Touchpoints publish
 * it (Touchpoints' data dictionary, `cx_responses`): one row per respondent, with
 *
 * - `question_1`, the trust question: thumbs down/up as 0/1, or a 1–5 Likert scale;
 * - `positive_<driver>` and `negative_<driver>` for the seven drivers (effectiveness, ease,
 *   efficiency, transparency, humanity, employee, other): 1 chosen, 0 not chosen, blank when the
 *   respondent was not shown that question;
 * - `question_4`, open text.
 *
 * This module checks a file's header and each row, and says what is wrong with the line number.
 * Pure: cells in, a row or the errors out. Reading the CSV itself is csv-parse's job
 * (app/commands/surveys.ts).
 */

export const DRIVERS = [
  'effectiveness',
  'ease',
  'efficiency',
  'transparency',
  'humanity',
  'employee',
  'other',
] as const;
export type Driver = (typeof DRIVERS)[number];

export const DRIVER_LABELS: Record<Driver, string> = {
  effectiveness: 'Effectiveness',
  ease: 'Ease',
  efficiency: 'Efficiency',
  transparency: 'Transparency',
  humanity: 'Humanity',
  employee: 'Employee',
  other: 'Other',
};

export type Scale = 'thumbs' | 'likert';
export const SCALE_LABELS: Record<Scale, string> = {
  thumbs: 'Thumbs up/down (0 or 1)',
  likert: 'Likert scale (1 to 5)',
};

export const DRIVER_COLUMNS = DRIVERS.flatMap((d) => [`positive_${d}`, `negative_${d}`] as const);
/** The columns every file must have, in the order exports write them. */
export const REQUIRED_COLUMNS = ['question_1', ...DRIVER_COLUMNS] as const;
export const OPEN_TEXT_COLUMN = 'question_4';
/** Open text longer than this is refused (a survey box, not a document). */
export const OPEN_TEXT_MAX = 2000;

/** 1, 0 or null (blank: not shown) per driver column. */
export type DriverAnswers = Record<(typeof DRIVER_COLUMNS)[number], 0 | 1 | null>;

export interface SurveyRow extends DriverAnswers {
  question_1: number;
  /** Only when the person chose to import open text; masked before it is stored. */
  question_4: string | null;
}

export interface HeaderCheck {
  /** Column name → cell index. */
  index: Map<string, number>;
  missing: string[];
  /** Columns the workspace does not read (Touchpoints' own ids and dates, for instance). */
  ignored: string[];
  duplicated: string[];
}

export function checkHeader(cells: readonly string[]): HeaderCheck {
  const index = new Map<string, number>();
  const duplicated: string[] = [];
  const ignored: string[] = [];
  const known = new Set<string>([...REQUIRED_COLUMNS, OPEN_TEXT_COLUMN]);
  cells.forEach((raw, i) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, '');
    if (!known.has(name)) {
      if (name) ignored.push(name);
      return;
    }
    if (index.has(name)) duplicated.push(name);
    else index.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  return { index, missing, ignored, duplicated };
}

/** The header's problems as sentences; empty when it can be read. */
export function headerErrors(h: HeaderCheck): string[] {
  const errors: string[] = [];
  if (h.missing.length)
    errors.push(`Line 1: the header has no column ${h.missing.map((c) => `“${c}”`).join(', ')}.`);
  if (h.duplicated.length)
    errors.push(
      `Line 1: the header names ${h.duplicated.map((c) => `“${c}”`).join(', ')} more than once.`,
    );
  return errors;
}

export type RowResult = { ok: true; row: SurveyRow } | { ok: false; errors: string[] };

/**
 * One data row: `question_1` must be an answer on the collection's scale (every respondent
 * answered it); each driver 0, 1 or blank; open text kept only when asked for.
 */
export function readRow(
  cells: readonly string[],
  line: number,
  header: HeaderCheck,
  options: { scale: Scale; openText: boolean },
): RowResult {
  const errors: string[] = [];
  const cell = (name: string) => {
    const i = header.index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const q1 = cell('question_1');
  const allowed = options.scale === 'thumbs' ? ['0', '1'] : ['1', '2', '3', '4', '5'];
  if (!allowed.includes(q1))
    errors.push(
      q1 === ''
        ? `Line ${line}: question_1 is blank; every response answers the trust question.`
        : `Line ${line}: question_1 is “${q1.slice(0, 20)}”; on this collection's ${options.scale === 'thumbs' ? 'thumbs scale it is 0 or 1' : 'Likert scale it is 1 to 5'}.`,
    );
  const drivers = {} as Record<string, 0 | 1 | null>;
  for (const column of DRIVER_COLUMNS) {
    const v = cell(column);
    if (v === '') drivers[column] = null;
    else if (v === '0' || v === '1') drivers[column] = v === '1' ? 1 : 0;
    else errors.push(`Line ${line}: ${column} is “${v.slice(0, 20)}”; it is 1, 0 or blank.`);
  }
  let text: string | null = null;
  if (options.openText) {
    const raw = cell(OPEN_TEXT_COLUMN);
    if (raw.length > OPEN_TEXT_MAX)
      errors.push(
        `Line ${line}: question_4 is ${raw.length.toLocaleString('en-US')} characters; at most ${OPEN_TEXT_MAX.toLocaleString('en-US')}.`,
      );
    else text = raw === '' ? null : raw;
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: { question_1: Number(q1), ...(drivers as DriverAnswers), question_4: text },
  };
}
