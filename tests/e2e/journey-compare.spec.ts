import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, login, test } from './fixtures';

const SHOTS = 'tests/.tmp/screens';
const DATE = /[A-Z][a-z]+ \d{1,2}, \d{4}/;

async function diagramsDrawn(page: Page, count: number) {
  for (let i = 0; i < count; i++) {
    await expect(page.getByTestId('journey-diagram').nth(i)).toHaveAttribute(
      'data-state',
      'drawn',
      {
        timeout: 20_000,
      },
    );
  }
}

/** From a map's edit page: edits one step, saves, and is back on the edit page. */
async function editStep(
  page: Page,
  title: string,
  change: { score?: string; channel?: string; painPoints?: string },
) {
  await page.getByRole('link', { name: `Edit step ${title}` }).click();
  await expect(page.getByRole('heading', { name: 'Edit step', level: 1 })).toBeVisible();
  if (change.score) await page.getByLabel('Experience score').selectOption(change.score);
  if (change.channel) await page.getByLabel('Channel').selectOption(change.channel);
  if (change.painPoints !== undefined) await page.getByLabel('Pain points').fill(change.painPoints);
  await page.getByRole('button', { name: 'Save step' }).click();
  await expect(page.getByRole('heading', { name: 'Edit journey map', level: 1 })).toBeVisible();
}

test.describe('journey compare reads from the as-is to the to-be', () => {
  test('opened from the to-be map, Before is the as-is; the summary, field changes and swap say which way', async ({
    page,
  }, info) => {
    test.setTimeout(300_000);
    const title = `Renewing benefits ${info.workerIndex}-${Date.now()}`;
    await login(page, 'team_member');

    // An as-is map of our own, imported, with a channel and a pain point on one step.
    await page.goto('/portfolios/having-a-child/journeys/import');
    await page
      .getByLabel('Mermaid source')
      .fill(
        [
          'journey',
          `  title ${title}`,
          '  section Renewal',
          '    Get the renewal letter: 4: Parent',
          '    Send pay stubs: 3: Parent',
          '    Wait for a decision: 3: Parent',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Import journey map' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const asIsId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('link', { name: 'Edit journey map' }).click();
    await editStep(page, 'Send pay stubs', {
      channel: 'mail',
      painPoints: 'Pay stubs get lost in the mail.',
    });

    // Its to-be copy: two scores lowered, the channel and the pain point changed.
    await page.getByRole('link', { name: 'View the map, its table and exports' }).click();
    await page.getByRole('link', { name: 'Start a new version' }).click();
    await expect(
      page.getByRole('heading', { name: 'Start a new version', level: 1 }),
    ).toBeVisible();
    await choose(page, 'To-be');
    await page.getByLabel('Version name (optional)').fill('Budget cuts');
    await page.getByRole('button', { name: 'Copy as a new version' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map', level: 1 })).toBeVisible();
    const toBeId = new URL(page.url()).pathname.split('/')[2]!;
    await editStep(page, 'Get the renewal letter', { score: '2' });
    await editStep(page, 'Send pay stubs', {
      score: '1',
      channel: 'in person',
      painPoints: 'The employer will not send pay stubs.',
    });

    // From the to-be map: "Compare with another version", choosing the as-is.
    await page.getByRole('link', { name: 'View the map, its table and exports' }).click();
    await expect(page.getByRole('heading', { name: 'Compare with another version' })).toBeVisible();
    await expectAccessible(page);
    const picker = page.getByLabel('Compare this map with');
    await picker.selectOption(
      (await picker
        .locator('option', { hasText: `${title} (As-is, created` })
        .getAttribute('value'))!,
    );
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Compare journey versions' })).toBeVisible();
    await page.waitForURL(/\/compare\?before=/);
    expect(new URL(page.url()).searchParams.get('before')).toBe(asIsId);
    expect(new URL(page.url()).searchParams.get('after')).toBe(toBeId);

    // Both sides named with their kind and date; Before is the as-is.
    const before = page.getByRole('region', { name: 'Before', exact: true });
    const after = page.getByRole('region', { name: 'After', exact: true });
    await expect(before).toContainText('As-is');
    await expect(before).not.toContainText('To-be');
    await expect(before).toContainText(new RegExp(`As-is, created ${DATE.source}`));
    await expect(after).toContainText('To-be: Budget cuts');
    await expect(after).toContainText(new RegExp(`To-be, created ${DATE.source}`));
    await expect(page.getByTestId('compare-summary')).toHaveText(
      'To-be vs as-is: 2 steps worse, 0 better, 1 the same; 0 steps added, 0 removed.',
    );
    await expect(page.getByText('This reads backwards')).toHaveCount(0);
    const scores = page.getByRole('table', { name: /^Step by step, from the as-is/ });
    await expect(
      scores.getByRole('row', { name: /Get the renewal letter/ }).getByRole('cell'),
    ).toHaveText(['Renewal', '4', '2', '-2', 'Worse']);
    await expect(scores.getByRole('row', { name: /Send pay stubs/ }).getByRole('cell')).toHaveText([
      'Renewal',
      '3',
      '1',
      '-2',
      'Worse',
    ]);
    // Pain points and channels are compared too, each as-is → to-be.
    await expect(page.getByTestId('compare-field-summary')).toHaveText(
      'Changed besides scores: channel in 1 step, pain points in 1 step.',
    );
    const fields = page.getByRole('table', { name: /What changed besides the score/ });
    await expect(fields.getByRole('row', { name: /Send pay stubs/ })).toHaveText([
      /Send pay stubs\s*Channel\s*mail\s*in person/,
      /Send pay stubs\s*Pain points\s*Pay stubs get lost in the mail\.\s*The employer will not send pay stubs\./,
    ]);
    await diagramsDrawn(page, 2);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: `${SHOTS}/journey-compare-1280.png`, fullPage: true });

    // Swapped: the to-be is Before, the same steps read better, and the page says it is backwards.
    await page.getByRole('link', { name: 'Swap direction: from the to-be to the as-is' }).click();
    await page.waitForURL(new RegExp(`before=${toBeId}&after=${asIsId}`));
    await expect(before).toContainText('To-be: Budget cuts');
    await expect(after).toContainText('As-is');
    await expect(page.getByTestId('compare-summary')).toHaveText(
      'As-is vs to-be: 0 steps worse, 2 better, 1 the same; 0 steps added, 0 removed.',
    );
    await expect(page.getByRole('alert')).toContainText('This reads backwards');
    await expect(
      page
        .getByRole('table', { name: /^Step by step, from the to-be/ })
        .getByRole('row', { name: /Get the renewal letter/ })
        .getByRole('cell'),
    ).toHaveText(['Renewal', '2', '4', '+2', 'Better']);
    await expect(
      page
        .getByRole('table', { name: /What changed besides the score/ })
        .getByRole('row', { name: /Send pay stubs/ })
        .first(),
    ).toHaveText(/Channel\s*in person\s*mail/);
    await expectAccessible(page);

    // The pickers on the compare page (now to-be, as-is) put the as-is first again.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL(new RegExp(`before=${asIsId}&after=${toBeId}`));
    await expect(page.getByTestId('compare-summary')).toContainText(
      'To-be vs as-is: 2 steps worse, 0 better',
    );
    await expectAccessible(page);
  });
});

test.describe('journey pages at 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const noSideways = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

  test('the journey view does not scroll sideways; its diagram is shown at a readable size in a frame that scrolls', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await login(page, 'viewer');
    await page.goto('/portfolios/facing-a-financial-shock/journeys');
    await page
      .getByRole('link', { name: 'Facing a financial shock: losing income and getting help' })
      .first()
      .click();
    await diagramsDrawn(page, 1);
    await noSideways(page);
    // Fitted to 390 px the text would be too small to read: it opens at actual size.
    await expect(page.getByRole('button', { name: 'Actual size' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const frame = page.getByRole('region', { name: /diagram, scrolls sideways/ });
    await expect(frame).toBeVisible();
    const sizes = await frame.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      text: Math.min(
        ...[...el.querySelectorAll('svg text')]
          .map((t) => t.getBoundingClientRect().height)
          .filter((h) => h > 0),
      ),
    }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.client).toBeLessThanOrEqual(390);
    expect(sizes.text).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SHOTS}/journey-view-390.png`, fullPage: true });
    // The frame takes focus, so the arrow keys scroll it.
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible(page);

    // Fit to width: the whole diagram in the page's width, still no sideways page scroll.
    await page.getByRole('button', { name: 'Fit to width' }).click();
    await expect(page.getByRole('button', { name: 'Fit to width' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const fitted = await page
      .getByTestId('journey-diagram-frame')
      .evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fitted).toBe(true);
    await noSideways(page);
    await expectAccessible(page);
  });

  test('no journey page scrolls sideways at 390 px', async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock/journeys');
    await noSideways(page);
    await expectAccessible(page);
    await page
      .getByRole('link', { name: 'Facing a financial shock: losing income and getting help' })
      .first()
      .click();
    await page.waitForURL(/\/journeys\/\d+$/);
    const view = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Edit journey map' }).click();
    await diagramsDrawn(page, 1); // the live preview
    await noSideways(page);
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Edit step / })
      .first()
      .click();
    await diagramsDrawn(page, 1);
    await noSideways(page);
    await expectAccessible(page);
    await page.goto('/portfolios/facing-a-financial-shock/journeys/import');
    await page
      .getByLabel('Mermaid source')
      .fill('journey\n  title Preview only\n  section A\n    One: 3: Worker\n    Two: 4: Worker');
    await diagramsDrawn(page, 1);
    await noSideways(page);
    await expectAccessible(page);
    await page.goto('/portfolios/facing-a-financial-shock/journeys/new');
    await noSideways(page);
    // The compare page (here a map with itself: a fresh database may hold one version only).
    const id = view.split('/').pop()!;
    await page.goto(`/portfolios/facing-a-financial-shock/journeys/compare?a=${id}&b=${id}`);
    await page.waitForURL(/\/compare\?before=/);
    await diagramsDrawn(page, 2);
    await noSideways(page);
    await expectAccessible(page);
  });
});
