import { describe, expect, it } from 'vitest';
import { bodyLimit, formHasNul, MAX_BODY_BYTES } from '~/server/handler';
import { MAX_UPLOAD_BYTES } from '~/schemas/survey';

describe('the largest body each page accepts', () => {
  it.each([
    ['/surveys/12/import', MAX_UPLOAD_BYTES + 1024 * 1024],
    ['/surveys/12/import/', MAX_BODY_BYTES],
    ['/surveys/12/edit', MAX_BODY_BYTES],
    ['/surveys/x/import', MAX_BODY_BYTES],
    ['/projects/3/edit', MAX_BODY_BYTES],
    ['/plans/7/edit', MAX_BODY_BYTES],
  ])('%s', (path, bytes) => {
    expect(bodyLimit(path)).toBe(bytes);
  });
  it('keeps every other page at 24 MB and a survey file under its own limit', () => {
    expect(MAX_BODY_BYTES).toBe(24 * 1024 * 1024);
    expect(MAX_UPLOAD_BYTES).toBeGreaterThan(35 * 1024 * 1024);
  });
});

describe('a form carrying a NUL character is refused before any action', () => {
  const FORM = 'application/x-www-form-urlencoded';
  it.each([
    [FORM, 'name=a%00b', true],
    [FORM, 'name=a%2500b', false], // the text "%00", typed: kept
    [`${FORM}; charset=UTF-8`, 'note=%00', true],
    [FORM, 'name=ok&note=fine', false],
    [FORM, 'name=a\u0000b', true],
    ['multipart/form-data; boundary=x', 'file bytes \u0000', false],
    [undefined, 'a%00', false],
  ])('%s %j → %s', (type, body, refused) => {
    expect(formHasNul(type, Buffer.from(body, 'latin1'))).toBe(refused);
  });
});
