import { choose, expect, expectAccessible, inbox, login, test } from './fixtures';

const PROJECT = 'Supporting young families: ideas from international models';

// One story, in order: ask for Design, two involved agencies concur, the project moves.
test.describe.serial('phase gate: Discovery → Design with two concurrences', () => {
  let phaseUrl = '';

  test('a team member asks for Design with evidence', async ({ page }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child');
    await page.getByRole('link', { name: PROJECT }).click();
    await page.getByRole('link', { name: 'Phase gate and history' }).click();
    await page.waitForURL(/\/projects\/\d+\/phase$/);
    phaseUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { name: 'Ask for Design' })).toBeVisible();
    // Annual review counts from when the project entered its phase: a seeded project is current.
    const review = page.getByRole('table', { name: 'Last concurrence per involved agency' });
    await expect(review.getByRole('row', { name: /HHS/ })).toContainText('Current');
    await expect(page.getByText('Due for review')).toHaveCount(0);
    await expectAccessible(page);
    // Evidence is required.
    await page.getByRole('button', { name: 'Ask for Design' }).click();
    await expect(page.getByText('Enter the evidence summary.').last()).toBeVisible();
    await page
      .getByLabel('Evidence summary')
      .fill('Workshop with over 40 advocates identified three ideas to prototype with families.');
    await page.getByRole('button', { name: 'Ask for Design' }).click();
    await expect(page.getByText('Your request was sent')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Open request: Design' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a POC of an uninvolved agency cannot answer', async ({ page }) => {
    await login(page, 'ssa.poc@example.gov');
    await page.goto(phaseUrl);
    await expect(page.getByRole('heading', { name: 'Open request: Design' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Record .* answer/ })).toHaveCount(0);
    // Posting an answer anyway (for the SSA, then for HHS) is refused with the 403 page.
    const agencyOptions = await page.request.get('/projects');
    const html = await agencyOptions.text();
    const ssaId = /<option value="(\d+)">SSA: /.exec(html)?.[1];
    const hhsId = /<option value="(\d+)">HHS: /.exec(html)?.[1];
    expect(ssaId && hhsId).toBeTruthy();
    for (const agencyId of [ssaId!, hhsId!]) {
      const response = await page.request.post(phaseUrl, {
        headers: { Origin: new URL(page.url()).origin },
        form: { intent: 'answer', agencyId, answer: 'concur' },
      });
      expect(response.status()).toBe(403);
    }
  });

  test('the involved agencies cannot change while the request waits for answers', async ({
    page,
  }) => {
    await login(page, 'team_member');
    const projectUrl = phaseUrl.replace(/\/phase$/, '');
    await page.goto(`${projectUrl}/edit`);
    await choose(page, 'Social Security Administration (SSA)');
    await page.getByRole('button', { name: 'Save project' }).click();
    const agencies = page.getByRole('group', { name: 'Involved agencies' });
    await expect(agencies).toContainText(
      'The involved agencies cannot change while a phase request is waiting for their answers.',
    );
    await expectAccessible(page);
    await page.goto(projectUrl);
    await expect(page.getByText('HHS, USDA', { exact: true })).toBeVisible();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the HHS POC sees it under My reviews and concurs', async ({ page }) => {
      await login(page, 'hhs.poc@example.gov');
      await expect(page.getByRole('link', { name: /My reviews/ })).toContainText('1');
      // The request reached them as a notification too, which leads to the phase page.
      await page.getByRole('link', { name: /^Notifications/ }).click();
      const waiting = `${PROJECT}: Department of Health and Human Services is asked to concur with moving to Design`;
      const item = page.getByRole('listitem').filter({ hasText: waiting });
      await expect(item).toContainText('Unread');
      await expect(item).toContainText(
        'As a point of contact for Department of Health and Human Services, answer on the project’s phase page.',
      );
      await item.getByRole('button', { name: `Mark as read: ${waiting}` }).click();
      await expect(page.getByRole('listitem').filter({ hasText: waiting })).not.toContainText(
        'Unread',
      );
      await page.getByRole('link', { name: waiting }).click();
      await expect(page).toHaveURL(phaseUrl);
      // And by email, with a link that opens the same page.
      await expect
        .poll(async () => (await inbox('hhs.poc@example.gov')).map((m) => m.subject))
        .toContain(waiting);
      const mail = (await inbox('hhs.poc@example.gov')).find((m) => m.subject === waiting)!;
      const link = /href="([^"]+)"[^>]*>Open this in the Life Experience Workspace/.exec(
        String(mail.html),
      )?.[1];
      expect(link).toBe(new URL(phaseUrl, page.url()).href);
      expect(mail.text).toContain(link);
      await page.goto('/');
      await page.goto(link!);
      await expect(page.getByRole('heading', { name: 'Open request: Design' })).toBeVisible();
      await page.getByRole('link', { name: /My reviews/ }).click();
      await page
        .getByRole('table', { name: 'Phase requests waiting for your answer' })
        .getByRole('link', { name: PROJECT })
        .click();
      await choose(page, 'Concur');
      await page.getByRole('button', { name: 'Record HHS’s answer' }).click();
      await expect(page.getByText('Your agency’s answer was recorded.')).toBeVisible();
      const answers = page.getByRole('table', { name: 'Answers from the involved agencies' });
      await expect(answers.getByRole('row', { name: /HHS/ })).toContainText('Concur');
      await expect(answers.getByRole('row', { name: /USDA/ })).toContainText('Waiting');
    });
  });

  test('the USDA POC must comment to concur with comments, then the project moves to Design', async ({
    page,
  }) => {
    await login(page, 'agency_poc');
    await page.goto(phaseUrl);
    await expectAccessible(page);
    await choose(page, 'Concur with comments');
    await page.getByRole('button', { name: 'Record USDA’s answer' }).click();
    await expect(
      page.getByText('A comment is required when you concur with comments or non-concur.').last(),
    ).toBeVisible();
    await page
      .getByLabel('Comment', { exact: true })
      .fill('Include WIC clinic partners in the prototypes.');
    await page.getByRole('button', { name: 'Record USDA’s answer' }).click();
    await expect(page.getByText('The project moved to its next phase.')).toBeVisible();
    await expect(page.getByText('Current phase: Design')).toBeVisible();
    const history = page.getByRole('list', { name: 'Phase history, newest first' });
    await expect(history).toContainText(
      'Every involved agency concurred: the project moved from Discovery to Design.',
    );
    await expect(history).toContainText('Elena Petrova (HHS) answered for HHS: Concur.');
    await expect(history).toContainText(
      'Luis Ortega (USDA) answered for USDA: Concur with comments.',
    );
    await expect(history).toContainText('Include WIC clinic partners in the prototypes.');
    await expect(history).toContainText(
      'Priya Raman (USDA) asked to move the project from Discovery to Design',
    );
    await expectAccessible(page);
    // The header count is back to zero.
    await expect(page.getByRole('link', { name: /My reviews/ })).toContainText('0');
  });

  test('the team member hears of the first answer and of the decision, and marks them read', async ({
    page,
  }) => {
    await login(page, 'team_member');
    await page.getByRole('link', { name: /^Notifications/ }).click();
    const answered = page
      .getByRole('listitem')
      .filter({ hasText: `${PROJECT}: Department of Health and Human Services concurred` });
    const decided = page
      .getByRole('listitem')
      .filter({ hasText: `${PROJECT} moved to Design: every agency concurred` });
    await expect(answered).toContainText('Unread');
    await expect(decided).toContainText(
      'Department of Agriculture concurred with comments with your request to move',
    );
    await expect(decided).toContainText('“Include WIC clinic partners in the prototypes.”');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByText('Nothing is unread.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Notifications/ })).toContainText('0');
    await expect(decided).not.toContainText('Unread');
  });

  test('the portfolio board shows the project under Design', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto('/portfolios/having-a-child');
    const design = page.getByRole('region', { name: /Design/ });
    await expect(design.getByRole('link', { name: PROJECT })).toBeVisible();
  });
});

test.describe('phase gate: who may do what', () => {
  test('a viewer cannot edit a project (403)', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto('/portfolios/approaching-retirement');
    await page
      .getByRole('link', { name: 'Increasing Access to Decision-Making Support for Older Adults' })
      .click();
    await expect(
      page.getByRole('heading', {
        name: 'Increasing Access to Decision-Making Support for Older Adults',
        level: 1,
      }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit project' })).toHaveCount(0);
    const id = new URL(page.url()).pathname.split('/').pop();
    const response = await page.goto(`/projects/${id}/edit`);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole('heading', { name: 'You do not have access to this' }),
    ).toBeVisible();
    await expectAccessible(page);
    const post = await page.request.post(`/projects/${id}/edit`, {
      headers: { Origin: new URL(page.url()).origin },
      form: { name: 'Hijacked', health: 'on_track', version: '1' },
    });
    expect(post.status()).toBe(403);
  });

  test('an OMB lead moves a project back with a reason', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.goto('/portfolios/recovering-from-a-disaster');
    await page.getByRole('link', { name: 'Trauma-Informed Disaster Response course' }).click();
    await page.getByRole('link', { name: 'Phase gate and history' }).click();
    await expectAccessible(page);
    await page.getByLabel('Move back to').selectOption('design');
    await page.getByRole('button', { name: 'Move project back' }).click();
    await expect(page.getByText('Enter the reason for moving back.').last()).toBeVisible();
    // The form is at the foot of the page; its summary is at the top, above the heading, focused.
    const summary = page.locator('[data-error-summary]');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    const [summaryTop, headingTop] = await Promise.all([
      summary.evaluate((e) => e.getBoundingClientRect().top),
      page.locator('main h1').evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(summaryTop).toBeLessThan(headingTop);
    await summary.getByRole('link', { name: 'Enter the reason for moving back.' }).click();
    await expect(page.getByLabel('Reason for moving back')).toBeFocused();
    await page
      .getByLabel('Reason for moving back')
      .fill('The pilot course needs a redesign after feedback.');
    await page.getByRole('button', { name: 'Move project back' }).click();
    await expect(page.getByText('Current phase: Design')).toBeVisible();
    await expect(
      page.getByText('Dana Whitfield (OMB) moved the project back from Development to Design.'),
    ).toBeVisible();
    await expect(
      page.getByText('Reason: The pilot course needs a redesign after feedback.'),
    ).toBeVisible();
  });
});
