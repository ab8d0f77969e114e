/**
 * The hourly reminders against the demo workspace: a waiting phase request reminds its POCs,
 * then tells the portfolio's leads once overdue, each once however often the check runs.
 */
import { describe, expect, it } from 'vitest';
import { sendReminders } from '~/commands/reminders';
import { dateIn } from '~/domain/dates';
import { designRequested } from '../helpers';

describe('reminders', () => {
  it('a waiting request reminds its POCs, then tells the leads when overdue, once each', async () => {
    const { db, id } = await designRequested();
    // Made on Monday, December 7, 2026 (noon in Washington).
    await db
      .updateTable('phase_requests')
      .set({ requested_at: '2026-12-07T17:00:00.000Z' })
      .where('project_id', '=', id)
      .execute();
    const told = async (kind: string) =>
      (
        await db
          .selectFrom('notifications')
          .innerJoin('people', 'people.id', 'notifications.person_id')
          .select('people.email')
          .where('notifications.kind', '=', kind)
          .orderBy('people.email')
          .execute()
      ).map((r) => r.email);
    const zone = 'America/New_York';
    await sendReminders(db, { now: new Date('2026-12-11T15:00:00Z'), zone });
    expect(await told('phase_request_reminder')).toEqual([]);
    await sendReminders(db, { now: new Date('2026-12-14T15:00:00Z'), zone });
    await sendReminders(db, { now: new Date('2026-12-14T16:00:00Z'), zone });
    expect(await told('phase_request_reminder')).toEqual([
      'agency.poc@example.gov',
      'hhs.poc@example.gov',
    ]);
    expect(await told('phase_request_overdue')).toEqual([]);
    await sendReminders(db, { now: new Date('2026-12-22T15:00:00Z'), zone });
    await sendReminders(db, { now: new Date('2026-12-22T16:00:00Z'), zone });
    expect(await told('phase_request_reminder')).toHaveLength(4);
    expect(await told('phase_request_overdue')).toEqual(['portfolio.lead@example.gov']);
  });

  it.each([
    { now: '2026-12-07T03:00:00Z', zone: 'America/New_York', date: '2026-12-06' },
    { now: '2026-12-07T05:00:00Z', zone: 'America/New_York', date: '2026-12-07' },
    { now: '2026-12-07T09:00:00Z', zone: 'Pacific/Honolulu', date: '2026-12-06' },
  ])('$now is $date in $zone', ({ now, zone, date }) => {
    expect(dateIn(new Date(now), zone)).toBe(date);
  });
});
