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

  // RFC 8058: a mail program posts the one-click unsubscribe with no Origin; only that path.
  it.each([
    { method: 'POST', path: '/unsubscribe/AbC-123_xyz', origin: null, ok: true },
    { method: 'POST', path: '/unsubscribe/AbC-123_xyz', origin: 'https://evil.example', ok: true },
    { method: 'POST', path: '/unsubscribe/abc/extra', origin: null, ok: false },
    { method: 'POST', path: '/unsubscribe/', origin: null, ok: false },
    { method: 'POST', path: '/notifications/settings', origin: null, ok: false },
    { method: 'POST', path: '/x/unsubscribe/abc', origin: null, ok: false },
    { method: 'DELETE', path: '/unsubscribe/abc', origin: null, ok: false },
  ])('$method $path from origin=$origin → $ok', ({ method, path, origin, ok }) => {
    expect(isSameOrigin({ method, path, origin, referer: null, allowed })).toBe(ok);
  });
});
