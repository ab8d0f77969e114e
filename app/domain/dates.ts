/** Is `value` a real calendar date written YYYY-MM-DD (no February 30)? */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The U.S. federal fiscal year a date falls in: FY 2025 runs October 1, 2024 – September 30, 2025. */
export function fiscalYearOf(date: Date): number {
  return date.getUTCMonth() >= 9 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
}

/** Days from `today` to `due` (negative when past), both YYYY-MM-DD. */
export function daysLeft(due: string, today: string): number {
  return Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An `Intl.DateTimeFormat` made once for its locale and options and kept: making one costs a
 * hundred times what formatting with it does, and `toLocaleDateString` with options makes one
 * on every call (measured in scripts/bench.mjs, docs/decisions/041-performance-as-ratios.md). An
 * unknown time zone throws, as `Intl` does, and is not kept.
 */
export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (dateFormats.size >= 500) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) of the moment `at` in time zone `zone`. */
export function dateIn(at: Date, zone: string): string {
  return dateFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
