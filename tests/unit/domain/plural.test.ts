import { describe, expect, it } from 'vitest';
import { noun, pluralize } from '~/domain/plural';

describe('counts in words', () => {
  it.each([
    { n: 0, singular: 'activity', plural: 'activities', out: '0 activities' },
    { n: 1, singular: 'activity', plural: 'activities', out: '1 activity' },
    { n: 2, singular: 'activity', plural: 'activities', out: '2 activities' },
    { n: 1, singular: 'day', plural: undefined, out: '1 day' },
    { n: 9, singular: 'day', plural: undefined, out: '9 days' },
    { n: 1200, singular: 'project', plural: undefined, out: '1,200 projects' },
    {
      n: 1,
      singular: 'member of the public',
      plural: 'members of the public',
      out: '1 member of the public',
    },
    { n: -1, singular: 'day', plural: undefined, out: '-1 days' },
  ])('$n $singular → "$out"', ({ n, singular, plural, out }) => {
    expect(pluralize(n, singular, plural)).toBe(out);
  });

  it('the noun alone follows the count', () => {
    expect([noun(1, 'person', 'people'), noun(3, 'person', 'people'), noun(0, 'step')]).toEqual([
      'person',
      'people',
      'steps',
    ]);
  });
});
