import express from 'express';
import * as build from 'virtual:react-router/server-build';
import { authConfig } from '~/auth/config.server';
import { isSameOrigin } from '~/domain/auth/origin';
import { requestContext } from '~/web/context.server';
import { reactRouterHandler } from './handler';
import { nextNonce } from './nonce';

/** Origins this deployment serves, from APP_ORIGIN (comma-separated) or the request's own host. */
function allowedOrigins(req: express.Request): string[] {
  const configured = process.env.APP_ORIGIN?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured && configured.length > 0) return configured;
  return [`${req.protocol}://${req.get('host') ?? ''}`];
}

export const app = express();
app.disable('x-powered-by');

/**
 * Scripts run only from this origin or with this response's nonce: no inline script a stored
 * payload could smuggle in runs. Styles allow inline attributes (Mermaid styles its SVG inline);
 * nothing may frame the workspace, post forms elsewhere, or change the base URL.
 */
export function contentSecurityPolicy(nonce: string): string {
  // Signing out of a provider's session is a form post the workspace answers with a redirect
  // to the provider's end_session_endpoint; form-action covers that redirect too.
  const provider = authConfig().provider;
  const formAction = provider ? `'self' ${provider.issuer.origin}` : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

const production = process.env.NODE_ENV === 'production';

app.use((req, res, next) => {
  const nonce = nextNonce();
  res.locals.nonce = nonce;
  // Enforced in production; reported only under the Vite dev server, whose HMR client injects
  // inline scripts of its own.
  res.setHeader(
    production ? 'Content-Security-Policy' : 'Content-Security-Policy-Report-Only',
    contentSecurityPolicy(nonce),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  // Browsers honour HSTS only over HTTPS, so sending it on every production answer is safe.
  if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  const ok = isSameOrigin({
    method: req.method,
    path: req.path,
    origin: req.get('origin') ?? null,
    referer: req.get('referer') ?? null,
    allowed: allowedOrigins(req),
  });
  if (!ok) {
    res
      .status(403)
      .type('text/plain')
      .send(
        'This request was refused because it did not come from a page of this workspace. Reload the page and try again.',
      );
    return;
  }
  next();
});

app.use(
  // The build as a module, not a function: a function makes React Router re-derive its route
  // tables on every request (a fifth of the sign-in page's CPU time, measured by scripts/bench.mjs).
  reactRouterHandler(build, (req, res) =>
    requestContext(res.locals.nonce as string, !req.path.endsWith('.data')),
  ),
);
