import { describe, expect, it } from 'vitest';
import { groupDigest, lastDigestMoment, type DigestItem } from '~/domain/notifications/digest';

const item = (kind: string, title: string, createdAt: string): DigestItem => ({
  kind,
  title,
  body: `${title} (illustrative)`,
  link: '/notifications',
  createdAt,
});

describe('digest grouping', () => {
  it.each([
    { name: 'nothing', items: [], groups: [] },
    {
      name: 'one kind, newest first',
      items: [
        item('plan_in_review', 'A', '2026-12-01T10:00:00Z'),
        item('plan_in_review', 'B', '2026-12-01T12:00:00Z'),
      ],
      groups: [['A CX Action Plan was sent for review', ['B', 'A']]],
    },
    {
      name: 'kinds in the list’s order, whatever the order they came in',
      items: [
        item('plan_final', 'Final', '2026-12-01T09:00:00Z'),
        item('phase_request_waiting', 'Waiting', '2026-12-01T11:00:00Z'),
        item('plan_in_review', 'Review', '2026-12-01T10:00:00Z'),
        item('phase_request_waiting', 'Waiting 2', '2026-12-01T08:00:00Z'),
      ],
      groups: [
        ['A phase request waits for your agency’s answer', ['Waiting', 'Waiting 2']],
        ['A CX Action Plan was sent for review', ['Review']],
        ['A CX Action Plan was marked final', ['Final']],
      ],
    },
    {
      name: 'an unknown kind last, by its own name',
      items: [
        item('something_new', 'New', '2026-12-01T09:00:00Z'),
        item('plan_final', 'Final', '2026-12-01T09:00:00Z'),
      ],
      groups: [
        ['A CX Action Plan was marked final', ['Final']],
        ['something_new', ['New']],
      ],
    },
  ])('$name', ({ items, groups }) => {
    expect(groupDigest(items).map((g) => [g.label, g.items.map((i) => i.title)])).toEqual(groups);
  });
});

describe('the digest moment, in the workspace time zone', () => {
  it.each([
    // 7:00 Eastern is 12:00 UTC in winter, 11:00 UTC in summer.
    {
      now: '2026-12-06T18:00:00Z',
      zone: 'America/New_York',
      at: '2026-12-06T12:00:00.000Z',
      date: '2026-12-06',
    },
    {
      now: '2026-12-06T11:59:59Z',
      zone: 'America/New_York',
      at: '2026-12-05T12:00:00.000Z',
      date: '2026-12-05',
    },
    {
      now: '2026-12-06T12:00:00Z',
      zone: 'America/New_York',
      at: '2026-12-06T12:00:00.000Z',
      date: '2026-12-06',
    },
    {
      now: '2026-07-06T11:30:00Z',
      zone: 'America/New_York',
      at: '2026-07-06T11:00:00.000Z',
      date: '2026-07-06',
    },
    // The day daylight saving time starts (March 8, 2026) and ends (November 1, 2026).
    {
      now: '2026-03-08T11:30:00Z',
      zone: 'America/New_York',
      at: '2026-03-08T11:00:00.000Z',
      date: '2026-03-08',
    },
    {
      now: '2026-11-01T12:30:00Z',
      zone: 'America/New_York',
      at: '2026-11-01T12:00:00.000Z',
      date: '2026-11-01',
    },
    // Honolulu's 7:00 is 17:00 UTC: at 16:00 UTC it is still the day before's digest.
    {
      now: '2026-12-06T16:00:00Z',
      zone: 'Pacific/Honolulu',
      at: '2026-12-05T17:00:00.000Z',
      date: '2026-12-05',
    },
  ])('$now in $zone → $at ($date)', ({ now, zone, at, date }) => {
    const moment = lastDigestMoment(new Date(now), zone, 7);
    expect(moment.at.toISOString()).toBe(at);
    expect(moment.date).toBe(date);
  });
});
