import { createRequestHandler } from '@react-router/express';
import express from 'express';
import 'react-router';
import * as build from 'virtual:react-router/server-build';
import { isSameOrigin } from '~/domain/auth/origin';

declare module 'react-router' {
  interface AppLoadContext {
    nonce?: string;
  }
}

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

app.use((req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  const ok = isSameOrigin({
    method: req.method,
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
  createRequestHandler({ build }),
);
