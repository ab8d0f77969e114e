/**
 * Where a PMC update stands: who may be withdrawn or corrected, and the words the list, the
 * update's page and its exports say about it.
 */
import { describe, expect, it } from 'vitest';
import {
  correctionRefusal,
  lineageLines,
  NO_LINEAGE,
  statusText,
  updateName,
  withdrawRefusal,
  type UpdateStatus,
} from '~/domain/pmc/standing';

describe('withdrawRefusal', () => {
  it.each<[UpdateStatus, string | null]>([
    ['published', null],
    ['draft', 'This update is not published; there is nothing to withdraw.'],
    ['withdrawn', 'This update is already withdrawn.'],
  ])('%s → %s', (status, refusal) => {
    expect(withdrawRefusal(status)).toBe(refusal);
  });
});

describe('correctionRefusal', () => {
  it.each<[string, Parameters<typeof correctionRefusal>[0], string | null]>([
    [
      'a withdrawn update, nothing else',
      { status: 'withdrawn', correctedBy: null, standing: null },
      null,
    ],
    [
      'a published one',
      { status: 'published', correctedBy: null, standing: null },
      'Only a withdrawn update is corrected: withdraw it first, saying why.',
    ],
    [
      'a draft',
      { status: 'draft', correctedBy: null, standing: null },
      'Only a withdrawn update is corrected: withdraw it first, saying why.',
    ],
    [
      'already corrected',
      { status: 'withdrawn', correctedBy: { id: 8 }, standing: { id: 8, status: 'draft' } },
      'This update already has a correction.',
    ],
    [
      'its quarter has a draft',
      { status: 'withdrawn', correctedBy: null, standing: { id: 9, status: 'draft' } },
      'This quarter already has a draft update; finish that one instead.',
    ],
    [
      'its quarter has a published update',
      { status: 'withdrawn', correctedBy: null, standing: { id: 9, status: 'published' } },
      'This quarter already has a published update.',
    ],
  ])('%s', (_, input, refusal) => {
    expect(correctionRefusal(input)).toBe(refusal);
  });
});

describe('names and status lines', () => {
  it.each<[UpdateStatus, number | null, string]>([
    ['draft', null, 'FY 2025 Q1'],
    ['published', null, 'FY 2025 Q1'],
    ['withdrawn', null, 'FY 2025 Q1 (withdrawn)'],
    ['draft', 4, 'FY 2025 Q1 (correction)'],
    ['published', 4, 'FY 2025 Q1 (correction)'],
    // A correction withdrawn in its turn is named for what it is now.
    ['withdrawn', 4, 'FY 2025 Q1 (withdrawn)'],
  ])('%s, correcting %s → %s', (status, correctsId, name) => {
    expect(updateName({ fiscalYear: 2025, quarter: 1, status, correctsId })).toBe(name);
  });

  it.each<[UpdateStatus, string | null, string | null, number | null, string]>([
    ['draft', null, null, null, 'Draft'],
    ['draft', null, null, 3, 'Draft, a correction'],
    ['published', '2026-12-03T15:00:00Z', null, null, 'Published December 3, 2026'],
    ['published', '2026-12-06T15:00:00Z', null, 3, 'Published December 6, 2026, a correction'],
    [
      'withdrawn',
      '2026-12-03T15:00:00Z',
      '2026-12-05T10:00:00Z',
      null,
      'Withdrawn December 5, 2026 (was published December 3, 2026)',
    ],
  ])('%s → %s', (status, publishedAt, withdrawnAt, correctsId, text) => {
    expect(statusText({ status, publishedAt, withdrawnAt, correctsId })).toBe(text);
  });
});

describe('lineageLines', () => {
  const withdrawn = { at: '2026-12-05T10:00:00Z', by: 'Dana Whitfield', reason: 'Wrong figures' };
  it.each<[string, Parameters<typeof lineageLines>[0], string[]]>([
    ['an update of record says nothing', NO_LINEAGE, []],
    [
      'withdrawn, no correction yet: when, by whom, why (a full stop added)',
      { ...NO_LINEAGE, withdrawn },
      [
        'Withdrawn December 5, 2026 by Dana Whitfield: Wrong figures. What was published is kept below, unchanged.',
      ],
    ],
    [
      'withdrawn by someone since removed, a correction being prepared',
      {
        ...NO_LINEAGE,
        withdrawn: { ...withdrawn, by: null, reason: 'Wrong figures!' },
        correctedBy: { id: 9, status: 'draft', publishedAt: null },
      },
      [
        'Withdrawn December 5, 2026: Wrong figures! What was published is kept below, unchanged.',
        'A correction is being prepared.',
      ],
    ],
    [
      'withdrawn and replaced',
      {
        ...NO_LINEAGE,
        withdrawn,
        correctedBy: { id: 9, status: 'published', publishedAt: '2026-12-06T09:00:00Z' },
      },
      [
        'Withdrawn December 5, 2026 by Dana Whitfield: Wrong figures. What was published is kept below, unchanged.',
        'Replaced by a correction published December 6, 2026.',
      ],
    ],
    [
      'a correction says what it corrects',
      {
        ...NO_LINEAGE,
        corrects: {
          id: 4,
          publishedAt: '2026-12-03T15:00:00Z',
          withdrawnAt: '2026-12-05T10:00:00Z',
          note: 'The burden reduced for Having a Child.',
        },
      },
      [
        'Corrects the update published December 3, 2026 and withdrawn December 5, 2026: The burden reduced for Having a Child.',
      ],
    ],
  ])('%s', (_, lineage, lines) => {
    expect(lineageLines(lineage)).toEqual(lines);
  });
});
