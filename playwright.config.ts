import { defineConfig, devices } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT = E2E_PORT;
export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'tests/.tmp/e2e.db';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /hardening\// },
    // The permission matrix and hostile input run last: they post to every action, and an
    // accepted hostile value must not change what the user-flow tests expect to find.
    {
      name: 'every-page',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /hardening\/every-page\.spec\.ts$/,
      dependencies: ['chromium'],
    },
    {
      name: 'permissions',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /hardening\/permissions\.spec\.ts$/,
      dependencies: ['every-page'],
    },
    {
      name: 'hostile',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /hardening\/hostile\.spec\.ts$/,
      dependencies: ['permissions'],
    },
    {
      name: 'crash',
      testMatch: /hardening\/crash\.spec\.ts$/,
      dependencies: ['inert'],
    },
    {
      name: 'inert',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /hardening\/inert\.spec\.ts$/,
      dependencies: ['hostile'],
    },
  ],
  webServer: {
    // The production build on a throwaway database, seeded with the demo accounts.
    command: 'node server.js',
    url: `http://localhost:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE,
      NODE_ENV: 'production',
      LOG_REQUESTS: 'off',
      DEMO_ACCOUNTS: 'on',
      // Set by scripts/test-e2e.mjs: the throwaway Redis the app servers relay co-editing through.
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      // …the throwaway OpenID provider (scripts/oidc-provider.mjs) the workspace signs in with,
      // and the throwaway SMTP server (scripts/smtp-sink.mjs) it sends notification email to.
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] =>
            (entry[0].startsWith('OIDC_') ||
              ['PASSWORD_SIGN_IN', 'SMTP_URL', 'MAIL_FROM', 'MAIL_POLL_MS'].includes(entry[0])) &&
            entry[1] !== undefined,
        ),
      ),
    },
  },
});
