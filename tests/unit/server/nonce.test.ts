import { describe, expect, it } from 'vitest';
import { nextNonce } from '~/server/nonce';

describe('the CSP nonce', () => {
  it('is 128 bits in base64, and never repeats across refills of its pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const nonce = nextNonce();
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(1000);
  });
});
