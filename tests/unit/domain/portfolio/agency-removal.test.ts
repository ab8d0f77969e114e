import { describe, expect, it } from 'vitest';
import { agenciesBeingRemoved, describeAgencyRemoval } from '~/domain/portfolio/agency-removal';

describe('agenciesBeingRemoved', () => {
  it.each([
    { why: 'same agencies', current: [1, 2, 3], submitted: [3, 2, 1], removed: [] },
    { why: 'an agency added', current: [1, 2], submitted: [1, 2, 7], removed: [] },
    { why: 'one unchecked', current: [1, 2, 3], submitted: [1, 3], removed: [2] },
    { why: 'two unchecked', current: [1, 2, 3], submitted: [2], removed: [1, 3] },
    { why: 'one swapped for another', current: [1, 2], submitted: [1, 5], removed: [2] },
    { why: 'all unchecked', current: [4, 9], submitted: [], removed: [4, 9] },
    { why: 'none before', current: [], submitted: [1], removed: [] },
    { why: 'duplicates counted once', current: [2, 2, 3], submitted: [3, 3], removed: [2] },
  ])('$why', ({ current, submitted, removed }) => {
    expect(agenciesBeingRemoved(current, submitted)).toEqual(removed);
  });
});

describe('describeAgencyRemoval', () => {
  const ssa = { id: 1, code: 'SSA', name: 'Social Security Administration' };
  it('names one agency, its point of contact and its PMC member', () => {
    expect(describeAgencyRemoval([{ ...ssa, pocName: 'Ana Ruiz', pmcName: 'Bo Li' }])).toEqual({
      what: 'Social Security Administration (SSA) from this portfolio',
      takes: [
        'Social Security Administration (SSA): Ana Ruiz stops being its point of contact; Bo Li leaves the PMC.',
      ],
      confirm: 'Yes, remove SSA',
    });
  });
  it('counts several agencies and says when a role is empty', () => {
    const r = describeAgencyRemoval([
      { ...ssa, pocName: null, pmcName: null },
      { id: 2, code: 'IRS', name: 'Internal Revenue Service', pocName: 'Cy Do', pmcName: null },
    ]);
    expect(r.what).toBe('2 agencies from this portfolio');
    expect(r.confirm).toBe('Yes, remove 2 agencies');
    expect(r.takes).toEqual([
      'Social Security Administration (SSA): it has no point of contact; it has no PMC member.',
      'Internal Revenue Service (IRS): Cy Do stops being its point of contact; it has no PMC member.',
    ]);
  });
});
