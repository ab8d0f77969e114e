/**
 * Reading the search box (issue 23): words, "quoted phrases" and -exclusions, as people type
 * them into every search engine they use. Anything else (operators, brackets, stars, quotes left
 * open, other punctuation) is read as a space, so no query can reach the database as syntax: the
 * database's own query text is built here from the words alone. Pure.
 */

/** The longest query the box takes; longer is refused with a message next to the box. */
export const MAX_QUERY_LENGTH = 200;
/** Terms beyond this are dropped (and the page says so). */
export const MAX_TERMS = 12;

export interface Term {
  /** One word, or the words of a phrase in order. Lower-cased letters and digits only. */
  words: string[];
  /** Leave out what matches. */
  exclude: boolean;
}

export interface ParsedQuery {
  terms: Term[];
  /** Whether terms were dropped past MAX_TERMS. */
  truncated: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, 60));
}

/**
 * The terms of a query. A quoted phrase is one term; a word joined by hyphens or other marks
 * ("post-transaction") is a phrase of its parts; a minus before a word or phrase excludes it.
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: Term[] = [];
  // A phrase in straight or curly quotes (an unclosed quote runs to the end), or a run of
  // non-space characters; either may start with a minus.
  const TOKEN = /(-?)(?:["“”]([^"“”]*)["“”]?|([^\s"“”]+))/gu;
  for (const m of input.slice(0, MAX_QUERY_LENGTH).matchAll(TOKEN)) {
    const exclude = m[1] === '-';
    const words = wordsOf(m[2] ?? m[3] ?? '');
    if (words.length === 0) continue;
    terms.push({ words, exclude });
  }
  const unique = terms.filter(
    (t, i) => terms.findIndex((u) => u.exclude === t.exclude && same(u.words, t.words)) === i,
  );
  return { terms: unique.slice(0, MAX_TERMS), truncated: unique.length > MAX_TERMS };
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Whether the query has anything to look for (exclusions alone find nothing). */
export function hasPositiveTerm(q: ParsedQuery): boolean {
  return q.terms.some((t) => !t.exclude);
}

/**
 * SQLite FTS5's MATCH text: every term quoted (so no word is read as an operator), the terms to
 * find joined by AND, each exclusion after NOT. Null when there is nothing to find.
 */
export function toFts5(q: ParsedQuery): string | null {
  if (!hasPositiveTerm(q)) return null;
  const quoted = (t: Term) => `"${t.words.join(' ')}"`;
  const find = q.terms.filter((t) => !t.exclude).map(quoted);
  const leave = q.terms.filter((t) => t.exclude).map(quoted);
  return [`(${find.join(' AND ')})`, ...leave.map((t) => `NOT ${t}`)].join(' ');
}

/**
 * PostgreSQL's `websearch_to_tsquery` text for the same terms: phrases quoted, exclusions after a
 * minus. Null when there is nothing to find.
 */
export function toWebsearch(q: ParsedQuery): string | null {
  if (!hasPositiveTerm(q)) return null;
  return q.terms
    .map((t) => {
      const text = t.words.length > 1 ? `"${t.words.join(' ')}"` : t.words[0]!;
      return t.exclude ? `-${text}` : text;
    })
    .join(' ');
}

/** The query as the page repeats it back: the terms as they were read. */
export function describeQuery(q: ParsedQuery): string {
  return q.terms
    .map((t) => {
      const text = t.words.length > 1 ? `“${t.words.join(' ')}”` : t.words[0]!;
      return t.exclude ? `−${text}` : text;
    })
    .join(' ');
}
