/**
 * The words OMB leads write into a draft PMC update together, live (decision 029): highlights
 * per target and a note per item. Both live in the update's one shared document: a highlights
 * target is a rich-text field named after it (`program`, a portfolio's slug), an item's note a
 * plain-text field named `note:<item key>`. These rules say which fields count and what a note
 * may hold; the same rules apply to a save without JavaScript.
 */

/**
 * An item of an update: m12 (milestone), d3 (decision), g7 (gate pending), r5 (risk), or a
 * curated change (curate.ts): cp4 (phase move), cm12 (milestone completed), cs12 (slipped), cc2,
 * ca9, cf1 (clearances), cb3 (burden reduced).
 */
export const ITEM_KEY = /^(?:[mdgr]|c[pmscafb])\d{1,12}$/;

/** The longest note kept; the rest of a longer one (only a crafted client sends it) is dropped. */
export const MAX_NOTE_LENGTH = 1000;

const NOTE_PREFIX = 'note:';

/** The shared document's field holding an item's note. */
export function noteField(key: string): string {
  return `${NOTE_PREFIX}${key}`;
}

/** The item key of a note field; null for a field that is no item's note. */
export function noteKeyOf(field: string): string | null {
  if (!field.startsWith(NOTE_PREFIX)) return null;
  const key = field.slice(NOTE_PREFIX.length);
  return ITEM_KEY.test(key) ? key : null;
}

/** A note as kept in the update: without surrounding blanks, at most MAX_NOTE_LENGTH long. */
export function keptNote(text: string): string {
  return text.trim().slice(0, MAX_NOTE_LENGTH).trim();
}

/**
 * The notes that differ between two sets (an empty note is no note): the item keys, sorted.
 */
export function changedNotes(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => (before[k] ?? '') !== (after[k] ?? '')).sort();
}

/**
 * A fingerprint of an update's written words (its highlights and notes, as stored): a publish
 * carries the one its page showed, so what is frozen is what the lead read. A change detector,
 * not a security measure: two 32-bit FNV-1a hashes (the standard offset, and a second one) over
 * the UTF-16 code units, as 16 hex digits.
 */
export function textsDigest(highlights: string, annotations: string): string {
  const text = `${highlights}\u0000${annotations}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
