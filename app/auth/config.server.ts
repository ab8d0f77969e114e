/**
 * How people sign in to this deployment, read once from the environment (README, "Sign-in
 * configuration"; docs/operators/sign-in.md; decision 037). With no provider configured the
 * workspace signs in with passwords only, as the README's first command expects. A provider
 * turns passwords off unless PASSWORD_SIGN_IN=on keeps both.
 *
 * A bad setting stops the server at start with the setting's name, rather than failing at the
 * first sign-in.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { ASSURANCE_LEVELS, type AssuranceLevel } from '~/domain/auth/assurance';
import { DEFAULT_DORMANT_DAYS, INVITATION_DAYS, type SessionLimits } from '~/domain/auth/hygiene';
import type { Role } from '~/domain/policy';

/** Login.gov's values: the identity level, then one authenticator level per assurance. */
export const LOGIN_GOV_ACR = {
  ial: 'urn:acr.login.gov:auth-only',
  aal2: 'http://idmanagement.gov/ns/assurance/aal/2',
  phishing_resistant: 'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true',
  piv: 'http://idmanagement.gov/ns/assurance/aal/2?hspd12=true',
} as const;

export interface ProviderConfig {
  name: string;
  issuer: URL;
  clientId: string;
  /** PKCS #8 PEM of the RSA key the client signs its assertions with (private_key_jwt). */
  privateKeyPem: string;
  keyId: string | undefined;
  redirectUrl: URL;
  postLogoutUrl: URL;
  /** The identity level asked for every sign-in (Login.gov: IAL1, `auth-only`); may be empty. */
  ialAcr: string;
  acrByLevel: Record<AssuranceLevel, string>;
  assurance: { default: AssuranceLevel; byRole: Partial<Record<Role, AssuranceLevel>> };
  /** The scope and userinfo claim that say a PIV/CAC card was presented (Login.gov: x509_presented). */
  pivScope: string;
  /** Plain http to the provider: only for a provider on this machine in tests. */
  allowHttp: boolean;
}

export interface AuthConfig {
  provider: ProviderConfig | null;
  passwordSignIn: boolean;
  allowedDomains: string[];
  limits: SessionLimits;
  dormantDays: number;
  invitationDays: number;
}

const ROLES = [
  'omb_lead',
  'portfolio_lead',
  'team_member',
  'agency_poc',
  'pmc_member',
  'viewer',
] as const satisfies readonly Role[];

const Level = z.enum(ASSURANCE_LEVELS);
const OnOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['on', 'true', '1', 'yes'].includes(v));
const Positive = (max: number) => z.coerce.number().int().positive().max(max);

/** `omb_lead=piv,portfolio_lead=phishing_resistant` → { omb_lead: 'piv', … } */
const ByRole = z.string().transform((text, ctx) => {
  const byRole: Partial<Record<Role, AssuranceLevel>> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, level] = pair.split('=').map((s) => s.trim());
    const r = z.enum(ROLES).safeParse(role);
    const l = Level.safeParse(level);
    if (!r.success || !l.success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${pair}" is not role=level (roles: ${ROLES.join(', ')}; levels: ${ASSURANCE_LEVELS.join(', ')})`,
      });
      return z.NEVER;
    }
    byRole[r.data] = l.data;
  }
  return byRole;
});

const Env = z.object({
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  OIDC_PRIVATE_KEY_ID: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.url().optional(),
  OIDC_POST_LOGOUT_URL: z.url().optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('Login.gov'),
  OIDC_IAL_ACR: z.string().default(LOGIN_GOV_ACR.ial),
  OIDC_ACR_AAL2: z.string().min(1).default(LOGIN_GOV_ACR.aal2),
  OIDC_ACR_PHISHING_RESISTANT: z.string().min(1).default(LOGIN_GOV_ACR.phishing_resistant),
  OIDC_ACR_PIV: z.string().min(1).default(LOGIN_GOV_ACR.piv),
  OIDC_ASSURANCE: Level.default('aal2'),
  OIDC_ASSURANCE_BY_ROLE: ByRole.default({ omb_lead: 'piv' }),
  OIDC_PIV_SCOPE: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]+$/)
    .default('x509_presented'),
  OIDC_ALLOW_HTTP: OnOff.default(false),
  PASSWORD_SIGN_IN: OnOff.optional(),
  ALLOWED_EMAIL_DOMAINS: z
    .string()
    .default('.gov,.mil')
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  SESSION_IDLE_MINUTES: Positive(24 * 60).default(30),
  SESSION_MAX_HOURS: Positive(24 * 7).default(12),
  ACCOUNT_DORMANT_DAYS: Positive(3650).default(DEFAULT_DORMANT_DAYS),
  INVITATION_DAYS: Positive(365).default(INVITATION_DAYS),
});

/** Reads the configuration from `env`; throws an Error naming every bad setting. */
export function readAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = Env.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new Error(
      `Sign-in configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  const provider = e.OIDC_ISSUER ? providerConfig(e) : null;
  if (!provider && e.PASSWORD_SIGN_IN === false) {
    throw new Error(
      'Sign-in configuration: PASSWORD_SIGN_IN=off leaves no way to sign in without a provider (OIDC_ISSUER).',
    );
  }
  return {
    provider,
    passwordSignIn: e.PASSWORD_SIGN_IN ?? provider === null,
    allowedDomains: e.ALLOWED_EMAIL_DOMAINS,
    limits: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_MAX_HOURS * 3_600_000,
    },
    dormantDays: e.ACCOUNT_DORMANT_DAYS,
    invitationDays: e.INVITATION_DAYS,
  };
}

function providerConfig(e: z.infer<typeof Env>): ProviderConfig {
  const missing = (
    ['OIDC_CLIENT_ID', 'OIDC_PRIVATE_KEY_FILE', 'OIDC_REDIRECT_URL'] as const
  ).filter((k) => !e[k]);
  if (missing.length > 0) {
    throw new Error(
      `Sign-in configuration: OIDC_ISSUER is set, so ${missing.join(', ')} must be too.`,
    );
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = fs.readFileSync(e.OIDC_PRIVATE_KEY_FILE!, 'utf8');
  } catch (error) {
    throw new Error(
      `Sign-in configuration: OIDC_PRIVATE_KEY_FILE cannot be read (${(error as Error).message}).`,
      { cause: error },
    );
  }
  if (!privateKeyPem.includes('PRIVATE KEY')) {
    throw new Error('Sign-in configuration: OIDC_PRIVATE_KEY_FILE is not a PEM private key.');
  }
  const issuer = new URL(e.OIDC_ISSUER!);
  const redirectUrl = new URL(e.OIDC_REDIRECT_URL!);
  if (!e.OIDC_ALLOW_HTTP && (issuer.protocol !== 'https:' || redirectUrl.protocol !== 'https:')) {
    throw new Error(
      'Sign-in configuration: OIDC_ISSUER and OIDC_REDIRECT_URL must be https (OIDC_ALLOW_HTTP=on is for a test provider on this machine).',
    );
  }
  return {
    name: e.OIDC_PROVIDER_NAME,
    issuer,
    clientId: e.OIDC_CLIENT_ID!,
    privateKeyPem,
    keyId: e.OIDC_PRIVATE_KEY_ID,
    redirectUrl,
    postLogoutUrl: new URL(e.OIDC_POST_LOGOUT_URL ?? new URL('/login', redirectUrl).href),
    ialAcr: e.OIDC_IAL_ACR,
    acrByLevel: {
      aal2: e.OIDC_ACR_AAL2,
      phishing_resistant: e.OIDC_ACR_PHISHING_RESISTANT,
      piv: e.OIDC_ACR_PIV,
    },
    assurance: { default: e.OIDC_ASSURANCE, byRole: e.OIDC_ASSURANCE_BY_ROLE },
    pivScope: e.OIDC_PIV_SCOPE,
    allowHttp: e.OIDC_ALLOW_HTTP,
  };
}

let cached: AuthConfig | undefined;

/** This process's configuration (read at the first call; the server calls it at start). */
export function authConfig(): AuthConfig {
  cached ??= readAuthConfig(process.env);
  return cached;
}
