import { describe, expect, it } from 'vitest';
import { bodyLimit, MAX_BODY_BYTES } from '~/server/handler';
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
