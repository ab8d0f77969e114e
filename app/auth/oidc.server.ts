/**
 * Sign-in through an OpenID Connect provider (Login.gov by default; any conforming provider such
 * as an agency's Okta or Entra ID), with openid-client (issue 21, point 1; decision 037):
 * authorization code flow with PKCE (S256), `private_key_jwt` client authentication (Login.gov
 * accepts no client secret), `state` and `nonce` of 43 characters checked on return,
 * `prompt=select_account`, and the `acr_values` the person's roles need.
 *
 * One request in flight is a `sign_in_flows` row keyed by the hash of a random cookie token: it
 * binds the flow to the browser that started it and is deleted when it comes back, so a replayed
 * or forged return finds nothing.
 */
import crypto from 'node:crypto';
import * as client from 'openid-client';
import type { DB } from '#db/client';
import { deleteFlow, insertFlow } from '~/commands/sign-in-flows';
import { findFlow } from '#db/queries/sign-in-flows';
import type { AssuranceLevel } from '~/domain/auth/assurance';
import { authConfig, type ProviderConfig } from './config.server';
import { cookieHeader, hashToken, tokenOf } from './session.server';

const FLOW_COOKIE = 'lew_flow';
/** An authorization request may take this long (the person signs in at the provider). */
const FLOW_MS = 15 * 60 * 1000;
/** A verified person without access has this long to ask for it. */
export const VERIFIED_MS = 30 * 60 * 1000;

let discovered: Promise<client.Configuration> | undefined;

/** The provider's configuration, discovered once; a failed discovery is tried again next time. */
export function providerClient(provider: ProviderConfig): Promise<client.Configuration> {
  discovered ??= discover(provider).catch((error: unknown) => {
    discovered = undefined;
    throw error;
  });
  return discovered;
}

async function discover(provider: ProviderConfig): Promise<client.Configuration> {
  const der = crypto
    .createPrivateKey(provider.privateKeyPem)
    .export({ type: 'pkcs8', format: 'der' });
  const key = await crypto.subtle.importKey(
    'pkcs8',
    der,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return client.discovery(
    provider.issuer,
    provider.clientId,
    { token_endpoint_auth_signing_alg: 'RS256', id_token_signed_response_alg: 'RS256' },
    client.PrivateKeyJwt(provider.keyId ? { key, kid: provider.keyId } : key),
    {
      execute: provider.allowHttp ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
}

/** The `acr_values` for a level: the identity level, then the authenticator level. */
export function acrValues(provider: ProviderConfig, level: AssuranceLevel): string {
  return [provider.ialAcr, provider.acrByLevel[level]].filter(Boolean).join(' ');
}

function scopeFor(provider: ProviderConfig, level: AssuranceLevel): string {
  return level === 'piv' ? `openid email ${provider.pivScope}` : 'openid email';
}

// SameSite=Lax: the provider's redirect back is a top-level GET from another site, which Lax allows.
function flowCookie(value: string, maxAgeSeconds: number): string {
  return cookieHeader(value, maxAgeSeconds, FLOW_COOKIE);
}

export function clearedFlowCookie(): string {
  return flowCookie('', 0);
}

export function flowToken(request: Request): string | null {
  return tokenOf(request.headers.get('Cookie'), FLOW_COOKIE);
}

/**
 * Starts an authorization request: stores the flow and returns the provider's URL to send the
 * browser to and the cookie that binds the flow to it. `expectedSubject` makes it a step-up: the
 * same person must come back, having met `level`.
 */
export async function beginSignIn(
  db: DB,
  input: { level: AssuranceLevel; redirectTo: string; expectedSubject?: string },
  now = new Date(),
): Promise<{ url: string; cookie: string }> {
  const provider = authConfig().provider!;
  const config = await providerClient(provider);
  const token = crypto.randomBytes(32).toString('base64url');
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  await insertFlow(db, {
    id_hash: hashToken(token),
    kind: 'authorize',
    state,
    nonce,
    code_verifier: verifier,
    assurance: input.level,
    redirect_to: input.redirectTo,
    expected_subject: input.expectedSubject ?? null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + FLOW_MS).toISOString(),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: provider.redirectUrl.href,
    response_type: 'code',
    scope: scopeFor(provider, input.level),
    acr_values: acrValues(provider, input.level),
    prompt: 'select_account',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, cookie: flowCookie(token, FLOW_MS / 1000) };
}

/** What the provider vouched for, after every check passed. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  x509Presented: boolean | null;
  acr: string | null;
  /** The flow's level, redirect and step-up subject. */
  level: AssuranceLevel;
  redirectTo: string;
  expectedSubject: string | null;
}

export type CallbackFailure =
  /** No flow for this browser: expired, used already, or started elsewhere. */
  | 'no_flow'
  /** The `state` that came back is not the one sent. */
  | 'state'
  /** The provider answered with an error (the person cancelled, or it refused). */
  | 'provider_error'
  /** The code exchange or the ID token failed a check (nonce, audience, expiry, signature, reuse). */
  | 'token'
  /** The provider could not be reached. */
  | 'unreachable';

export class CallbackError extends Error {
  constructor(
    readonly failure: CallbackFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Finishes an authorization request the provider sent the browser back with. The flow is used
 * once, whatever the outcome. Throws a CallbackError for every refusal.
 */
export async function finishSignIn(db: DB, request: Request): Promise<ProviderIdentity> {
  const provider = authConfig().provider!;
  const token = flowToken(request);
  if (!token) throw new CallbackError('no_flow', 'no flow cookie');
  const flow = await findFlow(db, hashToken(token), 'authorize', new Date().toISOString());
  if (!flow) throw new CallbackError('no_flow', 'no live flow for the cookie');
  await deleteFlow(db, flow.id_hash);

  const params = new URL(request.url).searchParams;
  const returned = params.get('state') ?? '';
  const expected = flow.state ?? '';
  if (
    returned.length !== expected.length ||
    !crypto.timingSafeEqual(Buffer.from(returned), Buffer.from(expected))
  ) {
    throw new CallbackError('state', 'state mismatch');
  }
  if (params.has('error')) {
    throw new CallbackError('provider_error', String(params.get('error')).slice(0, 100));
  }
  let config: client.Configuration;
  try {
    config = await providerClient(provider);
  } catch (error) {
    throw new CallbackError('unreachable', (error as Error).message);
  }
  // The URL the provider redirected to, as registered (a proxy may change the request's own).
  const currentUrl = new URL(provider.redirectUrl.href);
  for (const [k, v] of params) currentUrl.searchParams.append(k, v);
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.code_verifier ?? '',
      expectedState: expected,
      expectedNonce: flow.nonce ?? '',
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    const email = typeof info.email === 'string' ? info.email.trim().toLowerCase() : '';
    const pivClaim = (info as Record<string, unknown>)[provider.pivScope];
    return {
      issuer: String(claims.iss),
      subject: claims.sub,
      email,
      emailVerified: info.email_verified === true,
      x509Presented: typeof pivClaim === 'boolean' ? pivClaim : null,
      acr: typeof claims.acr === 'string' ? claims.acr : null,
      level: flow.assurance as AssuranceLevel,
      redirectTo: flow.redirect_to,
      expectedSubject: flow.expected_subject,
    };
  } catch (error) {
    if (error instanceof CallbackError) throw error;
    const e = error as { code?: string; error?: string; message?: string };
    throw new CallbackError('token', `${e.code ?? ''} ${e.error ?? ''} ${e.message ?? ''}`.trim());
  }
}

/**
 * Keeps a verified person without access for a short while (to ask for access); returns the
 * cookie that finds them again.
 */
export async function holdVerifiedIdentity(
  db: DB,
  identity: Pick<ProviderIdentity, 'issuer' | 'subject' | 'email' | 'level'>,
  now = new Date(),
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertFlow(db, {
    id_hash: hashToken(token),
    kind: 'verified',
    state: null,
    nonce: null,
    code_verifier: null,
    assurance: identity.level,
    redirect_to: '/',
    expected_subject: null,
    issuer: identity.issuer,
    subject: identity.subject,
    email: identity.email,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + VERIFIED_MS).toISOString(),
  });
  return flowCookie(token, VERIFIED_MS / 1000);
}

/** The verified person without access this browser holds, or null. */
export async function heldIdentity(
  db: DB,
  request: Request,
): Promise<{ issuer: string; subject: string; email: string } | null> {
  const token = flowToken(request);
  if (!token) return null;
  const flow = await findFlow(db, hashToken(token), 'verified', new Date().toISOString());
  if (!flow || !flow.issuer || !flow.subject || !flow.email) return null;
  return { issuer: flow.issuer, subject: flow.subject, email: flow.email };
}

/** Where to send the browser to end the provider's session too, then come back. */
export async function providerSignOutUrl(): Promise<string | null> {
  const provider = authConfig().provider;
  if (!provider) return null;
  try {
    const config = await providerClient(provider);
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: provider.postLogoutUrl.href,
      state: client.randomState(),
    }).href;
  } catch {
    // The workspace's own session has ended already; the provider's ends when it expires.
    return null;
  }
}
