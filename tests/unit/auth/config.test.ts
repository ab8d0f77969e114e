/** The sign-in configuration read from the environment (README, "Sign-in configuration"). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '~/auth/config.server';

const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lew-key-')), 'client.pem');
fs.writeFileSync(
  keyFile,
  crypto
    .generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' }),
);

const PROVIDER = {
  OIDC_ISSUER: 'https://idp.int.identitysandbox.gov/',
  OIDC_CLIENT_ID: 'urn:gov:gsa:openidconnect.profiles:sp:sso:omb:lew',
  OIDC_PRIVATE_KEY_FILE: keyFile,
  OIDC_REDIRECT_URL: 'https://workspace.example.gov/auth/callback',
};

describe('sign-in configuration', () => {
  it('with nothing set: passwords only, the defaults of the issue', () => {
    const c = readAuthConfig({});
    expect(c.provider).toBeNull();
    expect(c.passwordSignIn).toBe(true);
    expect(c.allowedDomains).toEqual(['.gov', '.mil']);
    expect(c.limits).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
    expect(c.dormantDays).toBe(90);
    expect(c.invitationDays).toBe(14);
  });

  it('a provider turns passwords off, unless the deployment keeps both', () => {
    expect(readAuthConfig(PROVIDER).passwordSignIn).toBe(false);
    expect(readAuthConfig({ ...PROVIDER, PASSWORD_SIGN_IN: 'on' }).passwordSignIn).toBe(true);
  });

  it('Login.gov is the default: its acr values, PIV for OMB leads, x509_presented', () => {
    const p = readAuthConfig(PROVIDER).provider!;
    expect(p.name).toBe('Login.gov');
    expect(p.ialAcr).toBe('urn:acr.login.gov:auth-only');
    expect(p.acrByLevel.piv).toBe('http://idmanagement.gov/ns/assurance/aal/2?hspd12=true');
    expect(p.assurance).toEqual({ default: 'aal2', byRole: { omb_lead: 'piv' } });
    expect(p.pivScope).toBe('x509_presented');
    expect(p.postLogoutUrl.href).toBe('https://workspace.example.gov/login');
  });

  it('reads per-role assurance, partner domains and timeouts', () => {
    const c = readAuthConfig({
      ...PROVIDER,
      OIDC_ASSURANCE_BY_ROLE: 'omb_lead=piv, portfolio_lead=phishing_resistant',
      ALLOWED_EMAIL_DOMAINS: '.gov,.mil,Partner.org',
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_HOURS: '8',
      ACCOUNT_DORMANT_DAYS: '45',
    });
    expect(c.provider!.assurance.byRole).toEqual({
      omb_lead: 'piv',
      portfolio_lead: 'phishing_resistant',
    });
    expect(c.allowedDomains).toEqual(['.gov', '.mil', 'partner.org']);
    expect(c.limits).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 });
    expect(c.dormantDays).toBe(45);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a provider without its client id', { ...PROVIDER, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID/],
    [
      'a missing key file',
      { ...PROVIDER, OIDC_PRIVATE_KEY_FILE: '/no/such/key.pem' },
      /cannot be read/,
    ],
    ['a plain-http issuer', { ...PROVIDER, OIDC_ISSUER: 'http://idp.example.gov' }, /https/],
    ['an unknown role', { ...PROVIDER, OIDC_ASSURANCE_BY_ROLE: 'boss=piv' }, /role=level/],
    ['an unknown level', { ...PROVIDER, OIDC_ASSURANCE_BY_ROLE: 'omb_lead=strong' }, /role=level/],
    ['an idle time of zero', { SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
    ['a word for a number', { SESSION_MAX_HOURS: 'twelve' }, /SESSION_MAX_HOURS/],
    ['a yes/no that is neither', { PASSWORD_SIGN_IN: 'maybe' }, /PASSWORD_SIGN_IN/],
    ['passwords off with no provider: no way in', { PASSWORD_SIGN_IN: 'off' }, /no way to sign in/],
  ];
  it.each(bad)('refuses %s, naming the setting', (_, env, message) => {
    expect(() => readAuthConfig(env)).toThrow(message);
  });

  it('plain http is allowed only when asked for (a test provider on this machine)', () => {
    const c = readAuthConfig({
      ...PROVIDER,
      OIDC_ISSUER: 'http://127.0.0.1:4000',
      OIDC_REDIRECT_URL: 'http://localhost:3100/auth/callback',
      OIDC_ALLOW_HTTP: 'on',
    });
    expect(c.provider!.allowHttp).toBe(true);
  });
});
