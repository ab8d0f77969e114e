import { describe, expect, it } from 'vitest';
import { dateFormat, dateIn } from '~/domain/dates';
import { formatDateTime, isTimeZone } from '~/domain/history/time';

describe('date formats made once', () => {
  it('keeps one format per locale and options, and formats as Intl does', () => {
    const options = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
    expect(dateFormat('en-US', options)).toBe(dateFormat('en-US', { ...options }));
    expect(dateFormat('en-US', options)).not.toBe(dateFormat('en-CA', options));
    expect(dateFormat('en-US', options).format(new Date('2026-02-28T12:00:00Z'))).toBe(
      'February 28, 2026',
    );
  });

  it.each([
    ['2026-12-07T03:30:00Z', 'America/New_York', '2026-12-06'],
    ['2026-12-07T03:30:00Z', 'UTC', '2026-12-07'],
    ['2026-12-07T11:30:00Z', 'Pacific/Guam', '2026-12-07'],
  ])('the moment %s falls on a day in %s: %s', (at, zone, day) => {
    expect(dateIn(new Date(at), zone)).toBe(day);
  });

  it('refuses an unknown zone every time, as Intl does, and keeps nothing for it', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => dateFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
      expect(isTimeZone('Mars/Olympus')).toBe(false);
    }
  });

  it('writes a moment the same when it is written again, per zone', () => {
    const iso = '2026-11-16T20:05:00.000Z';
    for (let i = 0; i < 2; i++) {
      expect(formatDateTime(iso, 'America/New_York')).toBe('November 16, 2026, 3:05 PM EST');
      expect(formatDateTime(iso, 'America/Los_Angeles')).toBe('November 16, 2026, 12:05 PM PST');
      expect(formatDateTime('not a moment', 'America/New_York')).toBe('not a moment');
    }
  });
});
