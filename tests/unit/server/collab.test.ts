import { describe, expect, it } from 'vitest';
import { connectionsPerMinute } from '~/server/collab';

describe('COLLAB_CONNECTIONS_PER_MINUTE', () => {
  it.each([
    [undefined, 300],
    ['', 300],
    ['  ', 300],
    ['600', 600],
    [' 20 ', 20],
    ['off', false],
  ] as const)('%j → %j', (value, expected) => {
    expect(connectionsPerMinute(value)).toBe(expected);
  });

  it.each(['0', '-5', '1.5', '15/min', 'unlimited', '1e3'])(
    '%j stops the start with the variable named',
    (value) => {
      expect(() => connectionsPerMinute(value)).toThrow(/COLLAB_CONNECTIONS_PER_MINUTE/);
    },
  );
});
