import { describe, expect, it } from 'vitest';
import { BoundedMap } from '~/lib/bounded-map';

describe('BoundedMap', () => {
  it('forgets the least recently used entry past its limit', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1); // a is now the most recent
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    expect(m.size).toBe(2);
  });

  it('makes a value once and keeps it', () => {
    const m = new BoundedMap<number, string>(10);
    let made = 0;
    const make = () => `v${++made}`;
    expect(m.getOrSet(1, make)).toBe('v1');
    expect(m.getOrSet(1, make)).toBe('v1');
    expect(made).toBe(1);
  });
});
