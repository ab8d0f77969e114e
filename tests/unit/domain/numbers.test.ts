import { describe, expect, it } from 'vitest';
import { oneDecimal, upToOneDecimal, upToTwoDecimals } from '~/domain/numbers';

describe('numbers as people read them', () => {
  it.each([
    [87.5, '87.5', '87.5', '87.5'],
    [90, '90', '90', '90.0'],
    [1234.56, '1,234.6', '1,234.56', '1,234.6'],
    [0.04, '0', '0.04', '0.0'],
    [0.05, '0.1', '0.05', '0.1'],
    [2.675, '2.7', '2.68', '2.7'],
    [-3.25, '-3.3', '-3.25', '-3.3'],
    [1_000_000, '1,000,000', '1,000,000', '1,000,000.0'],
    [0, '0', '0', '0.0'],
  ])('%d reads %s, %s and %s', (value, one, two, exactlyOne) => {
    expect(upToOneDecimal(value)).toBe(one);
    expect(upToTwoDecimals(value)).toBe(two);
    expect(oneDecimal(value)).toBe(exactlyOne);
  });

  it('reads as toLocaleString with the same options did', () => {
    for (let i = 0; i < 500; i++) {
      const value = Math.round((i * 7.919 - 900) * 1000) / 1000;
      expect(upToOneDecimal(value)).toBe(
        value.toLocaleString('en-US', { maximumFractionDigits: 1 }),
      );
      expect(upToTwoDecimals(value)).toBe(
        value.toLocaleString('en-US', { maximumFractionDigits: 2 }),
      );
      expect(oneDecimal(value)).toBe(
        value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      );
    }
  });
});
