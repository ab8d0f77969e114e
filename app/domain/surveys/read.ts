/**
 * Reads a survey file (CSV, Touchpoints' `cx_responses` columns) row by row: csv-parse does the
 * quoting and line breaks inside quotes; format.ts says whether each row is good. Nothing here
 * touches the database, so the whole file is checked before anything is stored, and the same
 * reading is done again to store it.
 *
 * Errors carry the line number where their row starts. At most MAX_ERRORS are kept; the count
 * of bad rows is complete.
 */
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import {
  checkHeader,
  headerErrors,
  readRow,
  type HeaderCheck,
  type Scale,
  type SurveyRow,
} from './format';
import { addToTally, emptyTally, type Tally } from './figures';
import { maskOpenText } from './mask';

export const MAX_ERRORS = 50;

export interface ReadResult {
  tally: Tally;
  errors: string[];
  /** Rows with at least one error. */
  badRows: number;
  /** Columns not read (named to the person, so a misspelt column is noticed). */
  ignored: string[];
}

export interface ReadOptions {
  scale: Scale;
  openText: boolean;
}

/**
 * Reads every row of `text`; `onRow` receives each good row (open text already masked) with its
 * line number. Resolves with the tally of the good rows and the errors.
 */
export async function readSurveyFile(
  text: string,
  options: ReadOptions,
  onRow?: (row: SurveyRow, line: number) => void | Promise<void>,
): Promise<ReadResult> {
  const tally = emptyTally();
  const errors: string[] = [];
  let badRows = 0;
  let header: HeaderCheck | null = null;
  // Fed in slices through a pipe, so csv-parse waits for each record to be taken: the whole
  // file written at once would be parsed ahead into memory (700 MB for a million rows).
  const parser = Readable.from(slices(text)).pipe(
    parse({
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: 64 * 1024,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const line = info.lines - breaks;
      if (header === null) {
        header = checkHeader(record);
        const problems = headerErrors(header);
        if (problems.length)
          return { tally, errors: problems, badRows: 0, ignored: header.ignored };
        continue;
      }
      const result = readRow(record, line, header, options);
      if (!result.ok) {
        badRows += 1;
        if (errors.length < MAX_ERRORS)
          errors.push(...result.errors.slice(0, MAX_ERRORS - errors.length));
        continue;
      }
      const row = result.row;
      if (row.question_4 !== null) row.question_4 = maskOpenText(row.question_4);
      addToTally(tally, row);
      if (onRow && badRows === 0) await onRow(row, line);
    }
  } catch (error) {
    // csv-parse's own errors (an unclosed quote, a record too large) name their line.
    const message = error instanceof Error ? error.message : String(error);
    const at = /line (\d+)/i.exec(message)?.[1];
    errors.push(`${at ? `Line ${at}: ` : ''}${csvProblem(message)}`);
    badRows += 1;
  }
  if (header === null && errors.length === 0)
    errors.push('The file is empty: it has no header and no responses.');
  else if (tally.respondents === 0 && badRows === 0)
    errors.push('The file has a header but no responses.');
  return { tally, errors, badRows, ignored: header?.ignored ?? [] };
}

/** The text in 64 KB slices. */
function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
}

/** csv-parse's message, reduced to what a person can act on. */
function csvProblem(message: string): string {
  if (/quote/i.test(message))
    return 'a quoted cell is not closed by the end of the file; check the quotes before it.';
  if (/record_size|max_record_size/i.test(message))
    return 'a row is longer than 64 KB; check for a quote that is not closed.';
  return 'the file cannot be read as CSV from here.';
}
