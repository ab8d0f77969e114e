import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '~/domain/auth/origin';

const allowed = ['https://workspace.example.gov'];

describe('origin check on mutations', () => {
  it.each([
    { method: 'GET', origin: null, referer: null, ok: true },
    { method: 'HEAD', origin: 'https://evil.example', referer: null, ok: true },
    { method: 'POST', origin: 'https://workspace.example.gov', referer: null, ok: true },
    { method: 'POST', origin: 'https://evil.example', referer: null, ok: false },
    {
      method: 'POST',
      origin: 'https://workspace.example.gov.evil.example',
      referer: null,
      ok: false,
    },
    { method: 'POST', origin: 'null', referer: null, ok: false },
    { method: 'POST', origin: null, referer: 'https://workspace.example.gov/login', ok: true },
    {
      method: 'POST',
      origin: null,
      referer: 'https://evil.example/workspace.example.gov',
      ok: false,
    },
    { method: 'POST', origin: null, referer: 'not a url', ok: false },
    { method: 'POST', origin: null, referer: null, ok: false },
    { method: 'DELETE', origin: 'http://workspace.example.gov', referer: null, ok: false },
  ])('$method from origin=$origin referer=$referer → $ok', ({ method, origin, referer, ok }) => {
    expect(isSameOrigin({ method, origin, referer, allowed })).toBe(ok);
  });
});
