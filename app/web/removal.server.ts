import { data } from 'react-router';
import { isConfirmed, type Removal, type RemovalPrompt } from '~/domain/removal';

/**
 * The one rule of every removing action (app/domain/removal.ts): unless the form carries
 * `confirm=yes`, answer with the confirmation page (`removal` in the action data, status 200,
 * nothing changed) and return it; once confirmed, return null and let the action remove.
 * `fields` are posted again by the page's "Yes" button; `extra` keeps the action data's shape.
 */
export function askFirst<E extends object>(
  formData: FormData,
  removal: () => Removal,
  // A list of pairs when a field repeats (checkboxes); a record otherwise.
  page: {
    fields: Record<string, string | number> | [string, string][];
    cancelTo: string;
    cancelKeepsTyped?: boolean;
  },
  extra: E,
) {
  if (isConfirmed(formData)) return null;
  const prompt: RemovalPrompt = {
    ...removal(),
    fields: Array.isArray(page.fields)
      ? page.fields
      : Object.entries(page.fields).map(([k, v]) => [k, String(v)]),
    cancelTo: page.cancelTo,
    cancelKeepsTyped: page.cancelKeepsTyped,
  };
  return data({ ...extra, removal: prompt }, { status: 200 });
}
