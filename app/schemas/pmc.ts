import { z } from 'zod';
import { VersionField } from './common';
import { PageParam } from './params';
import { ITEM_KEY, MAX_NOTE_LENGTH } from '~/domain/pmc/texts';
import { STANDING_TEXT_MAX, STANDING_TEXT_MIN } from '~/domain/pmc/standing';

/** A portfolio's slug in a URL or a form. */
const SLUG = /^[a-z0-9-]{1,80}$/;

/** The preview's URL: a page of portfolios, or one portfolio with every item and its controls. */
export const PmcPreviewParams = z.object({
  page: PageParam.default(1),
  portfolio: z.string().regex(SLUG).optional(),
});

/** An item of the update: m12, d3, g7, r5, or a curated change such as cm12 (texts.ts ITEM_KEY). */
const Key = z.string().regex(ITEM_KEY, 'Unknown item.');
const Slug = z.string().regex(SLUG, 'Unknown portfolio.');

/** Starting the update of a quarter (the list page's form). */
export const NewPmcUpdateSchema = z.object({
  fy: z.coerce
    .number({ error: 'Enter the fiscal year.' })
    .int()
    .min(2022, 'Enter a fiscal year from 2022.')
    .max(2100, 'Enter a fiscal year up to 2100.'),
  q: z.coerce
    .number({ error: 'Choose a quarter.' })
    .int()
    .min(1, 'Choose a quarter.')
    .max(4, 'Choose a quarter.'),
});

/**
 * Highlights saved from the plain-text form (no JavaScript): the Markdown typed, and the text the
 * page showed (what the save is compared with, to leave someone else's newer text alone).
 */
export const PmcHighlightsMarkdownSchema = z.object({
  markdown: z
    .string({ error: 'The highlights are missing.' })
    .max(100_000, 'The highlights are too long to save (at most 100,000 characters).'),
  base: z.string().max(100_000).default(''),
});

/**
 * Every button of a draft update's preview. `move_item`'s key must also be one of the
 * portfolio's milestones as listed now, which only the command's caller can know.
 */
export const PmcUpdateActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('exclude'), key: Key, version: VersionField }),
  z.object({ intent: z.literal('include'), key: Key, version: VersionField }),
  // A note saved without JavaScript: compared with the note its page showed (`base`), so
  // someone else's newer note is not overwritten. With JavaScript a note is written live.
  z.object({
    intent: z.literal('annotate'),
    key: Key,
    text: z
      .string()
      .trim()
      .max(MAX_NOTE_LENGTH, `Keep a note to ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters.`)
      .default(''),
    base: z
      .string()
      .max(MAX_NOTE_LENGTH * 2)
      .default(''),
  }),
  z.object({
    intent: z.literal('order'),
    slug: Slug,
    direction: z.enum(['up', 'down']),
    version: VersionField,
  }),
  z.object({
    intent: z.literal('move_item'),
    slug: Slug,
    key: z.string(),
    direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }),
    version: VersionField,
  }),
]);

/**
 * Publishing, from the preview of what will be frozen. `texts`: the fingerprint of the highlights
 * and notes the preview showed (what is frozen is what the lead read).
 */
export const PmcPublishSchema = z.object({
  version: VersionField,
  texts: z.string().regex(/^[0-9a-f]{16}$/, 'Reload the preview, then publish.'),
});

/** A reason or a note the list, the update and its exports show: a sentence or a paragraph. */
const standingText = (what: string) =>
  z
    .string({ error: `Say ${what}.` })
    .trim()
    .min(STANDING_TEXT_MIN, `Say ${what}, in at least ${STANDING_TEXT_MIN} characters.`)
    .max(STANDING_TEXT_MAX, `Keep it to ${STANDING_TEXT_MAX.toLocaleString('en-US')} characters.`);

/** Withdrawing a published update: the version its page showed, and why. */
export const PmcWithdrawSchema = z.object({
  version: VersionField,
  reason: standingText('why the update is withdrawn'),
});

/** Starting the correction of a withdrawn update: what it corrects. */
export const PmcCorrectionSchema = z.object({
  note: standingText('what the correction corrects'),
});
