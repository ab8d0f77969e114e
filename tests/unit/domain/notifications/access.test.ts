/** Who hears of what about access (app/domain/notifications/access.ts), as tables. */
import { describe, expect, it } from 'vitest';
import {
  accessRequestApproved,
  accessRequestWaiting,
  accountTurnedOff,
} from '~/domain/notifications/access';

const child = { id: 3, name: 'Having a Child', slug: 'having-a-child', leadIds: [5] };
const disaster = { id: 4, name: 'Recovering from a Disaster', slug: 'disaster', leadIds: [] };
const who = (drafts: { personId: number; kind: string; link: string }[]) =>
  drafts.map((d) => [d.personId, d.kind, d.link]);

describe('an access request', () => {
  it.each([
    [
      'the portfolio’s leads decide it',
      child,
      [[5, 'access_request_waiting', '/access/requests/9']],
    ],
    [
      'a portfolio without a lead: the OMB leads',
      disaster,
      [
        [1, 'access_request_waiting', '/access/requests/9'],
        [2, 'access_request_waiting', '/access/requests/9'],
      ],
    ],
  ])('%s', (_what, portfolio, expected) => {
    const drafts = accessRequestWaiting({
      requestId: 9,
      name: 'Ana Ruiz',
      email: 'ana.ruiz@hhs.gov',
      role: 'member',
      portfolio,
      ombLeadIds: [1, 2],
    });
    expect(who(drafts)).toEqual(expected);
    expect(drafts[0]!.body).toContain('Ana Ruiz (ana.ruiz@hhs.gov) asks to join');
    expect(drafts[0]!.body).toContain('as a team member');
  });

  it('approved: the person hears, not the lead who approved', () => {
    expect(
      who(
        accessRequestApproved({
          requestId: 9,
          personId: 12,
          role: 'viewer',
          portfolio: child,
          actorId: 5,
        }),
      ),
    ).toEqual([[12, 'access_request_decided', '/portfolios/having-a-child']]);
  });
});

describe('an account turned off', () => {
  it.each([
    [
      'unused: each portfolio’s leads',
      'inactive',
      null,
      [child, { ...disaster, leadIds: [6] }],
      [
        [5, 'account_turned_off', '/portfolios/having-a-child/access-review'],
        [6, 'account_turned_off', '/portfolios/disaster/access-review'],
      ],
    ],
    ['removed at a review by its lead: no one else to tell', 'removed', 5, [child], []],
    ['in no portfolio: no lead to tell', 'inactive', null, [], []],
  ])('%s', (_what, reason, actorId, portfolios, expected) => {
    const drafts = accountTurnedOff({
      personId: 12,
      name: 'Ana Ruiz',
      reason,
      at: '2026-12-06T00:00:00.000Z',
      portfolios,
      actorId,
    });
    expect(who(drafts)).toEqual(expected);
    for (const d of drafts) expect(d.title).toBe('Ana Ruiz’s account was turned off');
  });
});
