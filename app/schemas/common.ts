import { z } from 'zod';
import { isRealDate } from '~/domain/dates';
import { IdParam, INT_MAX } from './params';

/** A required text field: trimmed, not blank, bounded. Messages name the field. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} must be at most ${max.toLocaleString('en-US')} characters.`);
}

/** An optional text field: trimmed, bounded, '' when left empty. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `The ${label} must be at most ${max.toLocaleString('en-US')} characters.`)
    .optional()
    .transform((v) => v ?? '');
}

/** A calendar date typed as YYYY-MM-DD that exists. */
export const DateField = z
  .string()
  .trim()
  .refine(isRealDate, 'Enter a real date as YYYY-MM-DD, for example 2025-01-31.');

/** The row version a form was opened with, for detecting concurrent edits. */
export const VersionField = z.coerce
  .number({ error: 'This form is missing its version. Reload the page.' })
  .int()
  .min(1)
  .max(INT_MAX, 'This form is missing its version. Reload the page.');

/** A list of ids from checkboxes (absent = none). */
export const IdList = z
  .array(IdParam)
  .max(100)
  .optional()
  .transform((v) => [...new Set(v ?? [])]);

export { IdParam };
