import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Adds a burden item through the assessment page's "Add an item" form: picks its kind, fills
 * each labelled field (a select by its option's label), then waits until the item is listed and
 * the form is empty again, so the next item starts from a fresh form.
 */
export async function addItem(
  page: Page,
  kind: 'Learning' | 'Compliance' | 'Psychological',
  item: Record<string, string> & { Description: string },
) {
  const form = page.locator('form[id^="add-item"]');
  await form.locator('label', { hasText: new RegExp(`^${kind}$`) }).click();
  for (const [label, value] of Object.entries(item)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT')
      await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await form.getByRole('button', { name: 'Add item' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Burden items' })
      .getByRole('link', { name: item.Description }),
  ).toBeVisible();
  await expect(form.getByLabel('Description', { exact: true })).toHaveValue('');
}
