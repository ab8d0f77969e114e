import {
  createAdmin,
  ACCOUNTS,
  expect,
  expectAccessible,
  login,
  PASSWORD,
  test,
  type DemoRole,
} from './fixtures';

test.describe('sign-in', () => {
  test('the sign-in page says demo accounts are on, and is accessible', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.getByText('Demo accounts are turned on')).toBeVisible();
    await expectAccessible(page);
  });

  for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
    test(`${role} signs in and sees the portfolios`, async ({ page }) => {
      await login(page, role);
      await expect(page.getByRole('heading', { name: 'Life Experience portfolios' })).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'Having a Child and Early Childhood' }),
      ).toBeVisible();
      await expectAccessible(page);
    });
  }

  test('a visitor is sent to sign in and brought back afterwards', async ({ page }) => {
    await page.goto('/portfolios/having-a-child');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fportfolios%2Fhaving-a-child/);
    await page.getByLabel('Email address').fill(ACCOUNTS.viewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/portfolios\/having-a-child$/);
  });

  test('an empty form and a wrong password get clear messages, and the email is kept', async ({
    page,
  }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.').last()).toBeVisible();
    await page.getByLabel('Email address').fill(ACCOUNTS.viewer);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is not right.')).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(ACCOUNTS.viewer);
    await expectAccessible(page);
  });

  test('once the page has settled, the browser checks the form itself: nothing is sent', async ({
    page,
  }) => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    // The schema loads after the page (it is kept out of the first-load JavaScript).
    const schema = page.waitForResponse((r) => /\/assets\/auth-[\w-]+\.js$/.test(r.url()));
    await page.goto('/login');
    await schema;
    // The schema and conform's zod adapter are two chunks; once nothing is loading, both are in.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText('Enter an email address like name@agency.gov.').last(),
    ).toBeVisible();
    expect(posts).toEqual([]);
  });

  test('ten wrong passwords lock the account for a while', async ({ page }) => {
    test.setTimeout(120_000);
    const email = 'lockout.test@example.gov';
    createAdmin(email, 'Lockout Test', 'a-long-enough-password-123');
    await page.goto('/login');
    for (let i = 0; i < 10; i++) {
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'You are not signed in' })).toBeVisible();
      if (i < 9) await expect(page.getByText('The email or password is not right.')).toBeVisible();
    }
    await expect(
      page.getByText('This account is locked after too many wrong passwords.'),
    ).toBeVisible();
    // Even the right password is refused while the lock lasts.
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('a-long-enough-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText('This account is locked after too many wrong passwords.'),
    ).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await login(page, 'team_member');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a mutation from another origin is refused', async ({ request }) => {
    const response = await request.post('/login', {
      headers: { Origin: 'https://evil.example' },
      form: { email: ACCOUNTS.omb_lead, password: PASSWORD },
    });
    expect(response.status()).toBe(403);
  });
});
