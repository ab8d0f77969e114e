import { describe, expect, it } from 'vitest';
import { collabAccess, type CollabRecord } from '~/domain/collab/access';
import type { UserRoles } from '~/domain/policy';
import type { UpdateStatus } from '~/domain/pmc/standing';

type Who = 'omb' | 'lead' | 'member' | 'viewer' | 'poc' | 'outsider';

function user(who: Who): UserRoles {
  const role = { lead: 'lead', member: 'member', viewer: 'viewer' } as const;
  return {
    personId: 1,
    agencyId: 10,
    isOmbLead: who === 'omb',
    memberships: new Map(who in role ? [[1, role[who as keyof typeof role]]] : []),
    pocFor: who === 'poc' ? [{ portfolioId: 1, agencyId: 10 }] : [],
    pmcFor: [],
  };
}

const plan = (status: 'draft' | 'in_review' | 'final'): CollabRecord => ({
  kind: 'action_plan',
  portfolioId: 1,
  status,
});
const pmc = (status: UpdateStatus): CollabRecord => ({ kind: 'pmc_update', status });

describe('collabAccess', () => {
  it.each([
    // A plan of portfolio 1: its team writes until it is final; everyone signed in reads.
    ['omb', plan('draft'), 'write'],
    ['lead', plan('draft'), 'write'],
    ['member', plan('in_review'), 'write'],
    ['member', plan('final'), 'read'],
    ['omb', plan('final'), 'read'],
    ['viewer', plan('draft'), 'read'],
    ['poc', plan('draft'), 'read'],
    ['outsider', plan('draft'), 'read'],
    // A PMC update: OMB leads write the draft; everyone reads; nobody writes once published.
    ['omb', pmc('draft'), 'write'],
    ['omb', pmc('published'), 'read'],
    ['omb', pmc('withdrawn'), 'read'],
    ['lead', pmc('draft'), 'read'],
    ['viewer', pmc('draft'), 'read'],
  ] as const)('%s on %o → %s', (who, record, access) => {
    expect(collabAccess(user(who), record)).toBe(access);
  });

  it('nobody signed in, or no such record: no access', () => {
    expect(collabAccess(null, plan('draft'))).toBe('none');
    expect(collabAccess(user('omb'), null)).toBe('none');
  });
});
